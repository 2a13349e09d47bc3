// The routes the app server serves itself (the chatroom's streams, /api/v1) are tested where
// production serves them: over HTTP, on the real node:http server (startApiServer), started
// on first use in each test file and closed after it. `viaServer` sends a Request built with
// the other helpers (jsonRequest, appRequest) there and returns the server's Response.
import { afterAll } from "vitest";

let server: Promise<{ url: string; close(): Promise<void> }> | null = null;

export function appServer(): Promise<{ url: string; close(): Promise<void> }> {
  server ??= import("@/lib/server/api-server").then((m) => m.startApiServer());
  return server;
}

afterAll(async () => {
  if (server) await (await server).close();
  server = null;
});

export async function viaServer(request: Request): Promise<Response> {
  const { url } = await appServer();
  const target = new URL(request.url);
  const headers = new Headers(request.headers);
  // Same-origin, as our own pages send it.
  if (headers.has("origin")) headers.set("origin", url);
  const body = request.body ? await request.text() : undefined;
  return fetch(`${url}${target.pathname}${target.search}`, { method: request.method, headers, body, signal: request.signal });
}
