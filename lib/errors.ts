// One error type carrying its HTTP status; route handlers turn it into JSON.

export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = codeFor(status),
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = "AppError";
  }
}

function codeFor(status: number): string {
  if (status === 400) return "invalid_request";
  if (status === 401) return "unauthorized";
  if (status === 402) return "insufficient_credits";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "rate_limited";
  if (status === 502) return "upstream_error";
  if (status === 503) return "no_provider_available";
  return "server_error";
}

/** The JSON error body of the app's own routes (the /api/v1 API uses OpenAI's shape). */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { message: error.message, code: error.code, param: error.param } }, { status: error.status });
  }
  console.error("[api] unexpected error:", error);
  return Response.json({ error: { message: "Internal error", code: "server_error", param: null } }, { status: 500 });
}
