// Serves the sandbox handler over real HTTP, so benchmarks and integration tests measure
// genuine network hops. Adapts node:http to Request/Response without buffering responses:
// every chunk is written as soon as the handler produces it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleSandboxRequest } from "./handler";
import { nodeHeaders } from "../../http/node-headers";

export interface SandboxServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  speed?: number;
}

export interface SandboxServer {
  /** Base URL for an OpenAI client, e.g. http://127.0.0.1:4010/v1 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startSandboxServer(opts: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = opts.host ?? "127.0.0.1";
  // Nagle's algorithm would hold back small SSE chunks; tokens must leave one by one.
  const server = createServer({ noDelay: true }, (req, res) => {
    serve(req, res, opts.speed).catch(() => res.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${port}/v1`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets and streams still open would otherwise hold close() forever.
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, speed: number | undefined): Promise<void> {
  const controller = new AbortController();
  // The client went away before we finished: stop generating at once.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });

  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method,
    headers: nodeHeaders(req),
    body: body ? new Uint8Array(body) : undefined,
  });

  let response: Response;
  try {
    response = await handleSandboxRequest(request, { speed, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) return void res.destroy();
    throw error;
  }

  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  res.flushHeaders();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drainedOrClosed(res);
      if (res.destroyed) return void (await reader.cancel());
    }
    res.end();
  } catch {
    cutConnection(res);
  }
}

/**
 * The body errored (a simulated drop, or an abort): close the socket without the final
 * chunk, so the client sees a broken stream rather than a clean end. What was already
 * written is flushed first, as on a real connection that dies mid-answer.
 */
function cutConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) return void res.destroy();
  socket.end(() => socket.destroy());
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
