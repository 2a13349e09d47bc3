// The app's HTTP server: Next.js for pages and the chatroom's routes, with graceful
// shutdown that flushes the ledger. (One process, so the in-memory state is shared.)
import http from "node:http";
import next from "next";
import { flushLedger } from "../ledger/ledger-writer";
import { closeInterruptedCalls } from "./close-interrupted";
import { prepareAccounts } from "./prepare-accounts";
import { getEnv } from "../env";
import { matchLeanRoute } from "./lean-routes";
import { createIdleCollector } from "./idle-gc";
import { closeAfterAbandonedBody, refuseMalformedUrl, refuseOversizedBody } from "./refuse-early";
import { BASE_SECURITY_HEADERS, NON_PAGE_CSP } from "./security-headers";
import { settleForwardedHeaders, trustedProxies } from "./forwarded-headers";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: { dev?: boolean; port?: number; host?: string; dir?: string } = {}): Promise<RunningServer> {
  const env = getEnv();
  const port = options.port ?? env.PORT;
  const host = options.host ?? env.HOST;
  trustedProxies(); // a bad TRUSTED_PROXY stops the start, not the first request
  await closeInterruptedCalls();
  await (await import("../providers/credential-snapshot")).loadProviderCredentials();
  await prepareAccounts();

  const app = next({ dev: options.dev ?? false, dir: options.dir ?? process.cwd(), hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const idle = createIdleCollector();
  const server = http.createServer((req, res) => {
    idle.onRequest(res);
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
    settleForwardedHeaders(req);
    if (refuseMalformedUrl(req, res) || refuseOversizedBody(req, res)) return;
    const lean = matchLeanRoute(req);
    if (lean) res.setHeader("content-security-policy", NON_PAGE_CSP);
    else closeAfterAbandonedBody(req, res);
    (lean ? lean(req, res) : handle(req, res)).catch((error) => {
      console.error("[switchyard] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "Internal error" } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${actualPort}`,
    async close() {
      idle.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Streams in flight end; their columns save what arrived as "stopped".
        server.closeAllConnections();
      });
      await flushLedger({ waitForOpenCalls: true });
      await app.close?.();
    },
  };
}
