// A call refused before anything was streamed, answered in the format's own error shape:
// the AppError's status (429 with Retry-After), or 500 for anything unexpected.
import type { ServerResponse } from "node:http";
import { AppError } from "../errors";

export type ErrorBody = (status: number, message: string, code: string, param?: string | null) => string;

export function sendApiError(res: ServerResponse, error: unknown, errorBody: ErrorBody): void {
  let status = 500;
  let body: string;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (error instanceof AppError) {
    status = error.status;
    body = errorBody(status, error.message, error.code, error.param);
    const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (status === 429 && retryAfter !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(retryAfter)));
  } else {
    console.error("[api/v1] unexpected error:", error);
    body = errorBody(500, "Internal error", "server_error");
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, headers);
  res.end(body);
}
