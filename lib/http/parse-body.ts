// Reads and validates a JSON body: bad input becomes a 400/413 AppError with a clear message.
import type { z } from "zod";
import { AppError } from "../errors";
import { bodyTooLargeMessage, MAX_BODY_BYTES } from "./body-limit";

export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new AppError(413, bodyTooLargeMessage, "payload_too_large");
  return parseJsonText(await readLimitedText(request), schema);
}

/** Validates a body already read (the app server reads its lean routes' bodies itself). */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, "The request body is not valid JSON");
  }
  return validateBody(json, schema);
}

/** Validates parsed JSON (or a part of it, found `at` a path): the first problem becomes a 400 naming the field. */
export function validateBody<S extends z.ZodType>(json: unknown, schema: S, at: (string | number)[] = []): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = [...at, ...issue.path.map(String)].join(".");
    throw new AppError(400, `${path ? `${path}: ` : ""}${issue.message}`, "invalid_request", path || null);
  }
  return parsed.data;
}

/** The body as text, refusing it as soon as it passes the limit (a chunked body has no length to check first). */
async function readLimitedText(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        void reader.cancel().catch(() => {});
        throw new AppError(413, bodyTooLargeMessage, "payload_too_large");
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, "Could not read the request body");
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
