// `npm start`'s server: the app server (app-server.ts) with Next.js serving the pages and the
// routes the hot path does not take.
import next from "next";
import { getEnv } from "../env";
import { startAppServer, type RunningServer } from "./app-server";

export async function startHttpServer(options: { dev?: boolean; port?: number; host?: string; dir?: string } = {}): Promise<RunningServer> {
  const env = getEnv();
  const port = options.port ?? env.PORT;
  const host = options.host ?? env.HOST;
  const app = next({ dev: options.dev ?? false, dir: options.dir ?? process.cwd(), hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  return startAppServer({ port, host, fallback: (req, res) => handle(req, res), onClose: async () => app.close?.() });
}
