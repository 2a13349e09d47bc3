// Reads a node:http request body with a size limit: past it, a 413 AppError (the rest of the
// body is drained, not read, so the answer can still be written on the socket).
import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";
import { bodyTooLargeMessage, MAX_BODY_BYTES } from "./body-limit";

export function readNodeBody(req: IncomingMessage): Promise<Buffer> {
  const limit = MAX_BODY_BYTES;
  return new Promise((resolve, reject) => {
    const tooLarge = () => new AppError(413, bodyTooLargeMessage, "payload_too_large");
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      reject(tooLarge());
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
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}
