// Reads a JSON request body from node:http with a size limit: 413 past it, 400 when not JSON.
import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";
import { readNodeBody } from "../http/read-node-body";

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = (await readNodeBody(req)).toString("utf8");
  if (!text.trim()) throw new AppError(400, "The request body is empty; send a JSON object", "invalid_json");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "The request body is not valid JSON", "invalid_json");
  }
}
