// Hot streaming routes served straight from node:http with the same Web handlers Next
// uses, so Next's per-request overhead stays off the token path. Bodies are flushed per
// event and the client going away aborts the handler.
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleChatCompletions } from "../api-v1/chat-completions";
import { handleGeneration, handleKey, handleModels } from "../api-v1/info-routes";
import { openAiErrorBody } from "../api-v1/openai-error";
import { handleChatPost, handleRegeneratePost } from "../chat/chat-http";
import { errorResponse } from "../errors";
import { MAX_BODY_BYTES } from "../http/parse-body";
import { readNodeBody } from "../http/read-node-body";

type WebHandler = (request: Request) => Promise<Response>;
type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const WEB_ROUTES: Record<string, WebHandler> = {
  "POST /api/chat": handleChatPost,
  "POST /api/chat/regenerate": handleRegeneratePost,
};

// The OpenAI-compatible API: node:http end to end, no Web stream conversions on the way.
const API_ROUTES: Record<string, NodeHandler> = {
  "POST /api/v1/chat/completions": handleChatCompletions,
  "GET /api/v1/models": handleModels,
  "GET /api/v1/generation": handleGeneration,
  "GET /api/v1/key": handleKey,
};

/** The handler for this request if it is served here rather than by Next. */
export function matchLeanRoute(req: IncomingMessage): NodeHandler | undefined {
  const path = (req.url ?? "").split("?")[0].replace(/\/+$/, "");
  const key = `${req.method} ${path}`;
  if (API_ROUTES[key]) return API_ROUTES[key];
  const web = WEB_ROUTES[key];
  if (web) return (request, response) => serveLean(web, request, response);
  if (path === "/api/v1" || path.startsWith("/api/v1/")) return notFound;
  return undefined;
}

async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const known = Object.keys(API_ROUTES).some((route) => route.endsWith(` ${(req.url ?? "").split("?")[0].replace(/\/+$/, "")}`));
  req.resume();
  res.writeHead(known ? 405 : 404, { "content-type": "application/json" });
  res.end(openAiErrorBody(known ? 405 : 404, known ? `Method ${req.method} is not allowed here` : `No route ${req.method} ${req.url}`, known ? "method_not_allowed" : "not_found"));
}

export async function serveLean(handler: WebHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborter = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborter.abort();
  });
  let body: Buffer;
  try {
    body = await readNodeBody(req, MAX_BODY_BYTES);
  } catch (error) {
    const answer = errorResponse(error);
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(await answer.text());
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body),
    signal: aborter.signal,
  });
  const response = await handler(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  aborter.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
    }
  } catch {
    // The client went away mid-stream; the handler already saw the abort.
  } finally {
    res.end();
  }
}
