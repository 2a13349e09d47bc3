// Reads a JSON request body from node:http with a size limit: 413 past it, 400 when not JSON.
import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";

export const MAX_API_BODY_BYTES = 4 * 1024 * 1024;

export function readJsonBody(req: IncomingMessage, limit = MAX_API_BODY_BYTES): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new AppError(413, `Request body is larger than ${limit} bytes`, "payload_too_large"));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new AppError(413, `Request body is larger than ${limit} bytes`, "payload_too_large"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text.trim()) return reject(new AppError(400, "The request body is empty; send a JSON object", "invalid_json"));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new AppError(400, "The request body is not valid JSON", "invalid_json"));
      }
    });
    req.on("error", (error) => reject(error));
  });
}
