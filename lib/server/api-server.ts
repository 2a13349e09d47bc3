// `npm run api`'s server: the app server (app-server.ts) without the web UI — the API and the
// chatroom's stream routes only. Tests and the router benchmarks run against it.
import { startAppServer, type RunningServer } from "./app-server";

export async function startApiServer(options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  return startAppServer({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
}
