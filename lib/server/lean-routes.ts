// Hot streaming routes served straight from node:http, so Next's per-request overhead stays
// off the token path: the chatroom's turns (the same checks and turn code Next's route files
// use, their events written to the socket) and the OpenAI-compatible API. The client going
// away stops the turn. GET /metrics is served here too: its registry lives in this process;
// so are the probes (/api/health, /api/ready) and Stop, which the API-only server needs too.
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleChatCompletions } from "../api-v1/chat-completions";
import { handleGeneration, handleKey, handleModels } from "../api-v1/info-routes";
import { handleCountTokens, handleMessages } from "../messages/messages-routes";
import { handleCreateResponse, handleDeleteResponse, handleGetResponse } from "../responses/responses-routes";
import type { ErrorBody } from "../api-v1/api-error";
import { openAiErrorBody } from "../api-v1/openai-error";
import { anthropicErrorBody } from "../messages/anthropic-error";
import { openChatTurn, openFusion, openRegeneration, type ChatStream } from "./chat-routes";
import { errorResponse } from "../errors";
import { handleMetrics } from "../metrics/metrics-route";
import { nodeHeaders } from "../http/node-headers";
import { readNodeBody } from "../http/read-node-body";
import { writeChatEvents } from "../chat/chat-sse";
import { stopTurn } from "../chat/stop-turn";
import { readiness } from "./readiness";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

type OpenChat = (request: Request, body: string) => Promise<ChatStream>;

const CHAT_ROUTES: Record<string, OpenChat> = {
  "POST /api/chat": openChatTurn,
  "POST /api/chat/regenerate": openRegeneration,
  "POST /api/chat/fuse": openFusion,
};

// The API in every format it speaks: node:http end to end, no Web stream conversions on the way.
const API_ROUTES: Record<string, NodeHandler> = {
  "POST /api/v1/chat/completions": handleChatCompletions,
  "POST /api/v1/responses": handleCreateResponse,
  "POST /api/v1/messages": handleMessages,
  "POST /api/v1/messages/count_tokens": handleCountTokens,
  "GET /api/v1/models": handleModels,
  "GET /api/v1/generation": handleGeneration,
  "GET /api/v1/key": handleKey,
};

// Small routes answered as Web Responses.
const WEB_ROUTES: Record<string, (request: Request) => Promise<Response>> = {
  "POST /api/chat/stop": stopTurn,
  "GET /api/health": async () => Response.json({ ok: true }, { headers: { "cache-control": "no-store" } }),
  "GET /api/ready": async () => {
    const { status, body } = await readiness();
    return Response.json(body, { status, headers: { "cache-control": "no-store" } });
  },
};

// Routes with an id as their last path segment.
const ID_ROUTES: Record<string, NodeHandler> = {
  "GET /api/v1/responses/": handleGetResponse,
  "DELETE /api/v1/responses/": handleDeleteResponse,
};

/** The handler for this request if it is served here rather than by Next. */
export function matchLeanRoute(req: IncomingMessage): NodeHandler | undefined {
  const path = (req.url ?? "").split("?")[0].replace(/\/+$/, "");
  const key = `${req.method} ${path}`;
  if (API_ROUTES[key]) return API_ROUTES[key];
  const parent = key.slice(0, key.lastIndexOf("/") + 1);
  if (ID_ROUTES[parent] && key.length > parent.length) return ID_ROUTES[parent];
  if (key === "GET /metrics") return handleMetrics;
  const web = WEB_ROUTES[key];
  if (web) return (request, response) => serveWeb(web, request, response);
  const chat = CHAT_ROUTES[key];
  if (chat) return (request, response) => serveChat(chat, request, response);
  if (path === "/api/v1" || path.startsWith("/api/v1/")) return notFound;
  return undefined;
}

async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "").split("?")[0].replace(/\/+$/, "");
  const known = Object.keys(API_ROUTES).some((route) => route.endsWith(` ${path}`));
  req.resume();
  res.writeHead(known ? 405 : 404, { "content-type": "application/json" });
  res.end(apiErrorBodyFor(path)(known ? 405 : 404, known ? `Method ${req.method} is not allowed here` : `No route ${req.method} ${req.url}`, known ? "method_not_allowed" : "not_found"));
}

/** Errors under /api/v1 come in the shape of the format the path speaks: Anthropic's for /messages, else OpenAI's. */
export function apiErrorBodyFor(path: string): ErrorBody {
  return path === "/api/v1/messages" || path.startsWith("/api/v1/messages/") ? anthropicErrorBody : openAiErrorBody;
}

async function serveWeb(handler: (request: Request) => Promise<Response>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readNodeBody(req);
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { method: req.method, headers: nodeHeaders(req), body: body ? new Uint8Array(body) : undefined });
  const answer = await handler(request);
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(Buffer.from(await answer.arrayBuffer()));
}

/** A chat turn: its checks and rows, then its events straight onto the socket. */
async function serveChat(open: OpenChat, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const closed = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) closed.abort();
  });
  let stream: ChatStream;
  try {
    const body = await readNodeBody(req);
    // The body goes as text, already read: no Web stream to read it through again.
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { method: req.method, headers: nodeHeaders(req) });
    stream = await open(request, body.toString("utf8"));
  } catch (error) {
    const answer = errorResponse(error);
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(await answer.text());
    return;
  }
  await writeChatEvents(res, stream, closed.signal);
}
