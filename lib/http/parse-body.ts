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
  return validateBody(parseJson(text), schema);
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

/**
 * JSON.parse for request bodies, the one place every route's body is parsed: invalid JSON and
 * strings holding an unpaired UTF-16 surrogate (`"\ud800"`, which no database can store as
 * text) are refused with a 400 here, before any route's code sees them.
 */
export function parseJson(text: string, code = "invalid_request"): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, "The request body is not valid JSON", code);
  }
  // Decoding bytes never yields a lone surrogate, only a `\uD8xx`-`\uDFxx` escape does: most bodies skip the walk.
  if (SURROGATE_ESCAPE.test(text)) {
    const path = findUnpairedSurrogate(json, []);
    if (path) throw new AppError(400, `${path.length ? `${path.join(".")}: ` : ""}The text contains an unpaired UTF-16 surrogate; send valid Unicode`, code, path.join(".") || null);
  }
  return json;
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

function findUnpairedSurrogate(value: unknown, path: string[]): string[] | null {
  if (typeof value === "string") return value.isWellFormed() ? null : path;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (!key.isWellFormed()) return [...path, key.toWellFormed()];
    const found = findUnpairedSurrogate(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A route's query string, each parameter read once, validated like a body. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return validateBody(Object.fromEntries(new URL(request.url).searchParams), schema);
}

/** The body as text, refused once it passes the limit (a chunked body has no length to check first). */
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
        await dropRest(reader, size);
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

/**
 * Reads what is left of a refused body, up to as much again as the limit, so the answer can
 * be read by the client and the keep-alive connection serve its next request. A body larger
 * still is cancelled: the app server then closes the connection after the answer.
 */
async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>, read: number): Promise<void> {
  for (let size = read; size <= 2 * MAX_BODY_BYTES; ) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
  }
  void reader.cancel().catch(() => {});
}
