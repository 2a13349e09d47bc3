// The one function that builds Switchyard's HTTP server, for `npm start` (pages through
// Next.js) and `npm run api` (the API alone) alike: the same start-up steps, the same early
// refusals (body limit, broken paths), the same security headers, the same 500 shape, the
// same hot routes served straight from node:http (lean-routes.ts), and the same shutdown.
import http from "node:http";
import { liveCount, stopLive } from "../calls/live-calls";
import { pauseEvalRuns } from "../evals/eval-runner";
import { startEvalResumer } from "../evals/eval-resume";
import { flushLedger } from "../ledger/ledger-writer";
import { installCallMetrics } from "../metrics/call-metrics";
import { metricsEnabled } from "../metrics/metrics-route";
import { loadProviderCredentials } from "../providers/credential-snapshot";
import { closeInterruptedCalls, startAbandonedCallSweep } from "./close-interrupted";
import { createIdleCollector } from "./idle-gc";
import { jsonMethodNotAllowed } from "./json-method-not-allowed";
import { matchLeanRoute } from "./lean-routes";
import { prepareAccounts } from "./prepare-accounts";
import { startBus } from "../redis/bus";
import { closeRedis, redisEnabled } from "../redis/client";
import { settleForwardedHeaders, trustedProxies } from "./forwarded-headers";
import { closeAfterAbandonedBody, refuseMalformedUrl, refuseOversizedBody } from "./refuse-early";
import { BASE_SECURITY_HEADERS, NON_PAGE_CSP } from "./security-headers";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export interface AppServerOptions {
  port: number;
  host: string;
  /** Serves what the hot routes do not (pages and the other routes); absent: 404. */
  fallback?: Handler;
  /** Runs after the server stopped accepting and every call ended (Next's own shutdown). */
  onClose?: () => Promise<void>;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Calls in flight get this long to stop and write their last events before sockets close. */
const STOP_GRACE_MS = 1_000;

export async function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  trustedProxies(); // a bad TRUSTED_PROXY stops the start, not the first request
  await closeInterruptedCalls();
  await loadProviderCredentials();
  await prepareAccounts();
  if (metricsEnabled()) installCallMetrics();
  // Stops, invalidations and cool-downs from other instances (REDIS_URL); a Redis that cannot
  // be reached stops the start rather than running with per-instance state.
  await startBus().catch((error: unknown) => {
    throw new Error(`REDIS_URL is set but Redis cannot be reached: ${error instanceof Error ? error.message : error}`);
  });
  const stopSweep = startAbandonedCallSweep();

  const idle = createIdleCollector();
  const server = http.createServer((req, res) => {
    idle.onRequest(res);
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
    settleForwardedHeaders(req);
    if (refuseMalformedUrl(req, res) || refuseOversizedBody(req, res)) return;
    const lean = matchLeanRoute(req);
    if (lean || !options.fallback) res.setHeader("content-security-policy", NON_PAGE_CSP);
    // Next reads bodies itself: one it abandons past the limit must not stall the connection.
    if (!lean) {
      closeAfterAbandonedBody(req, res);
      jsonMethodNotAllowed(req, res);
    }
    const handler = lean ?? options.fallback ?? notFound;
    handler(req, res).catch((error) => {
      console.error("[switchyard] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "Internal error", code: "server_error", param: null } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  // Evaluation runs an earlier start (or a dead instance) left unfinished go on from here.
  const stopResumer = startEvalResumer();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${port}`,
    port,
    async close() {
      idle.stop();
      stopSweep();
      stopResumer();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Runs take no new prompt from now; those in flight end with the calls below.
      const paused = pauseEvalRuns();
      // Every call in flight stops now: each saves what was delivered as stopped and its
      // stream gets a last event (an error event; `[DONE]` for the API) before sockets close.
      stopLive({}, "shutdown");
      const deadline = Date.now() + STOP_GRACE_MS;
      while (liveCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      server.closeAllConnections();
      await closed;
      await paused;
      await flushLedger();
      await options.onClose?.();
      if (redisEnabled()) await closeRedis();
    },
  };
}

async function notFound(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  req.resume();
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message: `No route ${req.method} ${req.url}`, code: "not_found", param: null } }));
}
