// The lean routes alone on node:http (no Next): what the contract tests and the router
// benchmarks run against. The full app server serves exactly the same handlers.
import { createIdleCollector } from "./idle-gc";
import { BASE_SECURITY_HEADERS, NON_PAGE_CSP } from "./security-headers";
import { settleForwardedHeaders, trustedProxies } from "./forwarded-headers";
import http from "node:http";
import { openAiErrorBody } from "../api-v1/openai-error";
import { flushLedger } from "../ledger/ledger-writer";
import { matchLeanRoute } from "./lean-routes";

export async function startApiServer(options: { port?: number; host?: string } = {}): Promise<{ url: string; port: number; close(): Promise<void> }> {
  trustedProxies(); // a bad TRUSTED_PROXY stops the start, not the first request
  const idle = createIdleCollector();
  const server = http.createServer((req, res) => {
    idle.onRequest(res);
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader("content-security-policy", NON_PAGE_CSP);
    settleForwardedHeaders(req);
    const handler = matchLeanRoute(req);
    if (!handler) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(openAiErrorBody(404, "Not found", "not_found"));
      return;
    }
    handler(req, res).catch((error) => {
      console.error("[api] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    async close() {
      idle.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await flushLedger({ waitForOpenCalls: true });
    },
  };
}
