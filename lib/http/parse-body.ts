// Reads and validates a JSON body: bad input becomes a 400/413 AppError with a clear message.
import type { z } from "zod";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new AppError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
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
  return parseWithSchema(json, schema);
}

/** Validates parsed input; the first problem becomes a 400 naming the field. */
export function parseWithSchema<S extends z.ZodType>(input: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError(400, `${where}${issue.message}`, "invalid_request", issue.path.join(".") || null);
  }
  return parsed.data;
}

/** A route's query string, each parameter read once, validated like a body. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return parseWithSchema(Object.fromEntries(new URL(request.url).searchParams), schema);
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
        throw new AppError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, "Could not read the request body");
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
