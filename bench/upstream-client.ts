// Which HTTP client costs least per relayed stream (issue 12): undici's `request` (what the
// engine uses, lib/providers/upstream-request.ts), undici's raw `dispatch`, and node:http. The
// client's own CPU per stream against the fake upstream in its own process, 100 concurrent
// streams of 64 chunks, the three taking turns four times.
// Run: taskset -c 1 npx tsx bench/upstream-client.ts   (see bench/README.md, session 7)
import http from "node:http";
import { Agent, request } from "undici";
import { spawn } from "node:child_process";

const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/fake-upstream-process.ts", "64", "2"], { stdio: ["ignore", "pipe", "inherit"] });
const upUrl: string = await new Promise((r) => child.stdout!.on("data", (d: Buffer) => { const m = /at (\S+)/.exec(String(d)); if (m) r(m[1]); }));
const url = new URL(`${upUrl}/chat/completions`);
const body = JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: "hi" }] });
const headers = { "content-type": "application/json", authorization: "Bearer x" };
const uagent = new Agent({ connections: null, pipelining: 1 });
const hagent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function viaUndici(): Promise<number> {
  return request(url, { method: "POST", headers, body, dispatcher: uagent }).then((r) => new Promise((res) => { let n = 0; r.body.on("data", (b: Buffer) => (n += b.length)); r.body.on("end", () => res(n)); }));
}
function viaDispatch(): Promise<number> {
  return new Promise((res, rej) => {
    let n = 0;
    uagent.dispatch({ origin: url.origin, path: url.pathname, method: "POST", headers, body }, {
      onRequestStart() {},
      onResponseStart() {},
      onResponseData(_c: unknown, b: Buffer) { n += b.length; },
      onResponseEnd() { res(n); },
      onResponseError(_c: unknown, e: Error) { rej(e); },
    } as never);
  });
}
function viaHttp(): Promise<number> {
  return new Promise((res, rej) => {
    const req = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers, agent: hagent }, (r) => { let n = 0; r.on("data", (b: Buffer) => (n += b.length)); r.on("end", () => res(n)); });
    req.on("error", rej);
    req.end(body);
  });
}
async function run(name: string, f: () => Promise<number>, streams: number, conc: number) {
  const t0 = process.cpuUsage();
  let i = 0;
  await Promise.all(Array.from({ length: conc }, async () => { while (i++ < streams) await f(); }));
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000 / streams;
}
const fns: [string, () => Promise<number>][] = [["undici.request", viaUndici], ["undici.dispatch", viaDispatch], ["node:http", viaHttp]];
for (const [n, f] of fns) await run(n, f, 300, 50);
const acc: Record<string, number[]> = {};
for (let r = 0; r < 4; r++) for (const [n, f] of fns) (acc[n] ??= []).push(await run(n, f, 600, 50));
for (const [n, v] of Object.entries(acc)) console.log(n, v.map((x) => x.toFixed(3)).join(" "), "ms CPU/stream (client process)");
child.kill();
process.exit(0);
