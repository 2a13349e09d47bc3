// A failed JSON call as the browser sees it: the server answers `{ error: { message } }`, and the
// UI shows that sentence (the status line when the body is not JSON).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body?.error?.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status line will do.
  }
  return new ApiError(response.status, message);
}
