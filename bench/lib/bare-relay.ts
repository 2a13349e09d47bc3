// The floor for issue 12: a bare node:http relay, nothing but the two hops. Each request is
// piped to the upstream over a keep-alive agent and the response piped back. A router that
// authenticates, limits and accounts can approach this, not beat it.
// Run: node --import tsx bench/lib/bare-relay.ts <upstream origin> [port]; prints its URL.
import http from "node:http";

const upstream = new URL(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
// Hop-by-hop headers belong to each connection, not to the message.
const HOP = new Set(["connection", "keep-alive", "transfer-encoding"]);
const endToEnd = (headers: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP.has(name)));

const server = http.createServer((req, res) => {
  const headers = { ...endToEnd(req.headers), host: upstream.host };
  const out = http.request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
    answer.pipe(res);
  });
  out.on("error", () => res.destroy());
  req.pipe(out);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.argv[3] ?? 0), "127.0.0.1", () => console.log(`bare relay at http://127.0.0.1:${(server.address() as { port: number }).port}`));
// A normal exit, so `--cpu-prof` writes its profile.
process.on("SIGTERM", () => process.exit(0));
