// Reads a JSON request body from node:http with a size limit: 413 past it, 400 when not JSON
// (or holding a lone surrogate: parseJson is the app's one JSON body parser).
import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";
import { parseJson } from "../http/parse-body";
import { readNodeBody } from "../http/read-node-body";

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = (await readNodeBody(req)).toString("utf8");
  if (!text.trim()) throw new AppError(400, "The request body is empty; send a JSON object", "invalid_json");
  return parseJson(text, "invalid_json");
}
