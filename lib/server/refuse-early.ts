// Requests refused before any handler runs: a declared body over the limit (413; routes that
// stream bodies also count bytes as they read), and a path with broken percent-encoding
// (400; Next's router would throw on it and answer 500). And the body a handler refused
// halfway through, which must not block the connection it came on.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiErrorBodyFor } from "./lean-routes";
import { bodyTooLargeMessage, MAX_BODY_BYTES } from "../http/body-limit";

export function refuseMalformedUrl(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    req.resume();
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "The URL's path is not valid percent-encoding", code: "invalid_request", param: null } }));
    return true;
  }
}

export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  if (!(length > MAX_BODY_BYTES)) return false;
  res.writeHead(413, { "content-type": "application/json" });
  const message = bodyTooLargeMessage;
  // /api/v1 answers in the error shape of the format it speaks; the app's own routes in their usual one.
  const path = (req.url ?? "").split("?")[0];
  res.end(path.startsWith("/api/v1") ? apiErrorBodyFor(path)(413, message, "payload_too_large") : JSON.stringify({ error: { message, code: "payload_too_large", param: null } }));
  req.resume();
  return true;
}

/**
 * A handler that gives up on a body halfway (Next's routes refuse a chunked body past the limit
 * with 413 and cancel the rest) leaves unread bytes on the socket, and the next request on that
 * keep-alive connection would wait behind them until the idle timeout. Its answer says
 * `Connection: close` instead, and the connection ends once the answer is sent.
 */
export function closeAfterAbandonedBody(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  req.once("aborted", () => {
    if (!res.headersSent) res.shouldKeepAlive = false;
  });
  res.once("finish", () => {
    if (req.destroyed && !req.complete) socket.destroySoon();
  });
}
