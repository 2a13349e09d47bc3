// Where a request came from and which origin it was sent to, as route handlers see it. The
// app server (lib/server/forwarded-headers.ts) has already made the X-Forwarded-* headers
// true: a trusted proxy's, or else the socket's own address and scheme.

/** The origin a person used to reach this server (scheme and host), so copied links work from their browser. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? url.host;
  const origin = `${requestProtocol(request)}://${host}`;
  try {
    // One spelling: default ports dropped, host lower-cased, as a browser's Origin header has it.
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

export function requestProtocol(request: Request): string {
  return firstValue(request.headers.get("x-forwarded-proto")) ?? new URL(request.url).protocol.replace(/:$/, "");
}

/** The client's address (the server always sets X-Forwarded-For); "unknown" when a request did not pass through it. */
export function clientAddress(request: Request): string {
  return firstValue(request.headers.get("x-forwarded-for")) ?? "unknown";
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
