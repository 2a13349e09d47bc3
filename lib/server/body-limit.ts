// Every request, whatever route it is for: a declared body over the limit is answered 413
// before any handler runs (routes that stream bodies also count bytes as they read).
import type { IncomingMessage, ServerResponse } from "node:http";
import { openAiErrorBody } from "../api-v1/openai-error";
import { MAX_BODY_BYTES } from "../http/parse-body";

export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  if (!(length > MAX_BODY_BYTES)) return false;
  res.writeHead(413, { "content-type": "application/json" });
  const message = `Request body is larger than ${MAX_BODY_BYTES} bytes`;
  // /api/v1 speaks OpenAI's error shape; the app's own routes their usual one.
  const openAi = (req.url ?? "").startsWith("/api/v1");
  res.end(openAi ? openAiErrorBody(413, message, "payload_too_large") : JSON.stringify({ error: { message, code: "payload_too_large", param: null } }));
  req.resume();
  return true;
}
