// Reads and validates a JSON body: bad input becomes a 400/413 AppError with a clear message.
import type { z } from "zod";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new AppError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw new AppError(400, "Could not read the request body");
  }
  if (text.length > MAX_BODY_BYTES) throw new AppError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, "The request body is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError(400, `${where}${issue.message}`, "invalid_request", issue.path.join(".") || null);
  }
  return parsed.data;
}
