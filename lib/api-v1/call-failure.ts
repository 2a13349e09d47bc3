// How a failed call reaches an OpenAI client: before anything was sent, an error response
// with the status that says what went wrong; after the stream started, a last chunk with
// `finish_reason: "error"` and an `error` object (OpenRouter's way), then [DONE].
import type { CallOutcome } from "../calls/call-outcome";
import { AppError } from "../errors";
import { UpstreamError } from "../providers/upstream-error";

/** After every fallback failed: the status the client gets. */
export function failureStatus(error: CallOutcome["error"]): { status: number; code: string } {
  if (error instanceof AppError) return { status: error.status, code: error.code };
  if (!(error instanceof UpstreamError)) return { status: 502, code: "upstream_error" };
  if (error.kind === "timeout") return { status: 408, code: "timeout" };
  if (error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
    return { status: error.status === 401 || error.status === 403 ? 502 : error.status, code: "upstream_rejected" };
  }
  return { status: 502, code: "upstream_error" };
}

export function errorChunk(generationId: string, model: string, message: string, code: number): string {
  const chunk = {
    id: generationId,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }],
    error: { code, message },
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}
