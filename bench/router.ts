// Router benchmark: the app in its own process, a fake upstream in another (64 deltas 20 ms
// apart, fixed usage), authentication, rate limits and the ledger on. Measures added latency
// (non-streaming, concurrency 1), added time to first token and inter-chunk gap at 100
// streams, the most concurrent streams without a stall, and resident memory.
// Run: npx tsx bench/router.ts
import { execFileSync, spawn } from "node:child_process";
import http from "node:http";
import { percentile, startAppProcess } from "./lib/processes";

const DELTAS = 64;
const GAP_MS = 20;
const agent = new http.Agent({ keepAlive: true, maxSockets: 5000 });

async function startUpstream(): Promise<{ url: string; stop(): void }> {
  const child = spawn("node_modules/.bin/tsx", ["bench/lib/fake-upstream-process.ts", String(DELTAS), String(GAP_MS)], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve) => child.stdout!.on("data", (d: Buffer) => resolve(/at (\S+)/.exec(d.toString())![1])));
  return { url, stop: () => child.kill("SIGTERM") };
}

interface StreamResult { ttft: number; gaps: number[]; chunks: number; total: number }

function stream(url: string, path: string, key: string | null, body: object): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url + path, { method: "POST", agent, headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) } }, (res) => {
      let ttft = -1;
      let last = 0;
      const gaps: number[] = [];
      let chunks = 0;
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!event.includes('"content":"tok') && !event.includes('"content":" tok')) continue;
          const now = performance.now();
          if (ttft < 0) ttft = now - started;
          else gaps.push(now - last);
          last = now;
          chunks += 1;
        }
      });
      res.on("end", () => resolve({ ttft, gaps, chunks, total: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

function complete(url: string, path: string, key: string | null, body: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url + path, { method: "POST", agent, headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(performance.now() - started));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

// `tsx` starts the server as its child process: measure the whole tree under the pid.
function treeOf(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)]).toString().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // ps exits 1 when there are none.
  }
  return [pid, ...children.flatMap(treeOf)];
}
const rss = async (pid: number) =>
  treeOf(pid).reduce((sum, p) => sum + Number(execFileSync("ps", ["-o", "rss=", "-p", String(p)]).toString().trim() || 0), 0) / 1024;

async function main() {
  const upstream = await startUpstream();
  const upstreamBase = upstream.url.replace(/\/v1$/, "");
  const app = await startAppProcess(3330, {
    CUSTOM_PROVIDER_FAKE_BASE_URL: upstream.url,
    CUSTOM_PROVIDER_FAKE_MODELS: "bench-model",
    SANDBOX_ENABLED: "false",
    CATALOG_REFRESH_HOURS: "0",
  }).catch((e) => {
    upstream.stop();
    throw e;
  });
  try {
    const keyOutput = execFileSync("node_modules/.bin/tsx", ["lib/cli/keys.ts", "create", "--name", "bench", "--rpm", "1000000", "--rpd", "100000000", "--tpm", "1000000000", "--credit-limit", "1000000"], {
      env: { ...process.env, DATABASE_URL: "file:./data/bench-3330.db" },
    }).toString();
    const key = /(sk-sy-v1-\S+)/.exec(keyOutput)![1];
    const body = (stream: boolean) => ({ model: "fake/bench-model", stream, messages: [{ role: "user", content: "benchmark" }] });
    const upstreamBody = (stream: boolean) => ({ model: "bench-model", stream, stream_options: stream ? { include_usage: true } : undefined, messages: [{ role: "user", content: "benchmark" }] });
    const idle = await rss(app.child.pid!);

    const wave = async (n: number, target: "direct" | "routed") =>
      Promise.all(Array.from({ length: n }, () => (target === "direct" ? stream(upstreamBase, "/v1/chat/completions", null, upstreamBody(true)) : stream(app.url, "/api/v1/chat/completions", key, body(true)))));
    const only = process.env.BENCH_ONLY; // "memory" runs just the last part, "latency" just the first
    if (only !== "memory") {
    // 1. Non-streaming, concurrency 1.
    // Warm up first: V8 optimises the handler only after some hundreds of calls, and a
    // server at steady state is what the target is about.
    for (let i = 0; i < 500; i++) {
      await complete(upstreamBase, "/v1/chat/completions", null, upstreamBody(false));
      await complete(app.url, "/api/v1/chat/completions", key, body(false));
    }
    const direct: number[] = [];
    const routed: number[] = [];
    for (let i = 0; i < 1000; i++) {
      direct.push(await complete(upstreamBase, "/v1/chat/completions", null, upstreamBody(false)));
      routed.push(await complete(app.url, "/api/v1/chat/completions", key, body(false)));
    }
    console.log(`non-streaming c=1: direct p50 ${percentile(direct, 50).toFixed(2)} ms p99 ${percentile(direct, 99).toFixed(2)} ms; routed p50 ${percentile(routed, 50).toFixed(2)} ms p99 ${percentile(routed, 99).toFixed(2)} ms; added p50 ${(percentile(routed, 50) - percentile(direct, 50)).toFixed(2)} ms p99 ${(percentile(routed, 99) - percentile(direct, 99)).toFixed(2)} ms`);

    if (only === "latency") return;

    // 2. 100 concurrent streams, steady state: 100 clients each open a stream, and a new one
    // as soon as theirs ends; starts are staggered over one stream's length, so streams
    // arrive continuously (as in production) rather than as one burst.
    const steady = async (target: "direct" | "routed", streamsPerClient: number) => {
      const results: StreamResult[] = [];
      const streamMs = DELTAS * GAP_MS;
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          await new Promise((r) => setTimeout(r, (i * streamMs) / 100));
          for (let n = 0; n < streamsPerClient; n++) {
            const result = target === "direct" ? await stream(upstreamBase, "/v1/chat/completions", null, upstreamBody(true)) : await stream(app.url, "/api/v1/chat/completions", key, body(true));
            if (n > 0) results.push(result); // the first round warms connections up
          }
        }),
      );
      return results;
    };
    const d100 = await steady("direct", 5);
    const r100 = await steady("routed", 5);
    const stat = (results: StreamResult[], pick: (r: StreamResult) => number[]) => results.flatMap(pick);
    const dT = stat(d100, (r) => [r.ttft]), rT = stat(r100, (r) => [r.ttft]);
    const dG = stat(d100, (r) => r.gaps), rG = stat(r100, (r) => r.gaps);
    console.log(`100 streams (steady): TTFT direct p50 ${percentile(dT, 50).toFixed(1)} p99 ${percentile(dT, 99).toFixed(1)}; routed p50 ${percentile(rT, 50).toFixed(1)} p99 ${percentile(rT, 99).toFixed(1)}; added p50 ${(percentile(rT, 50) - percentile(dT, 50)).toFixed(1)} ms p99 ${(percentile(rT, 99) - percentile(dT, 99)).toFixed(1)} ms`);
    console.log(`100 streams (steady): gap direct p50 ${percentile(dG, 50).toFixed(1)} p99 ${percentile(dG, 99).toFixed(1)}; routed p50 ${percentile(rG, 50).toFixed(1)} p99 ${percentile(rG, 99).toFixed(1)}; added p50 ${(percentile(rG, 50) - percentile(dG, 50)).toFixed(1)} ms p99 ${(percentile(rG, 99) - percentile(dG, 99)).toFixed(1)} ms`);
    // The same 100 arriving in one burst, for comparison: every request's setup queues at once.
    const dBurst = (await wave(100, "direct")).map((r) => r.ttft);
    const rBurst = (await wave(100, "routed")).map((r) => r.ttft);
    console.log(`100 streams (one burst): TTFT added p50 ${(percentile(rBurst, 50) - percentile(dBurst, 50)).toFixed(1)} ms p99 ${(percentile(rBurst, 99) - percentile(dBurst, 99)).toFixed(1)} ms`);

    // 3. Most concurrent streams with no stall (no gap over 10x the pacing) and no lost chunk.
    let best = 0;
    for (const n of [200, 300, 400, 500, 600, 750, 1000]) {
      const results = await wave(n, "routed");
      const worstGap = Math.max(...results.flatMap((r) => r.gaps));
      const lost = results.filter((r) => r.chunks !== DELTAS).length;
      const ok = worstGap <= GAP_MS * 10 && lost === 0;
      console.log(`${n} streams: worst gap ${worstGap.toFixed(0)} ms, streams missing chunks ${lost} -> ${ok ? "stall-free" : "STALLED"}`);
      if (!ok) break;
      best = n;
    }
    console.log(`most stall-free concurrent streams: ${best}`);

    }
    // Idle once warm: the first requests load the SDK, compile the route and open the
    // upstream pool, a one-time cost; reported beside the cold idle, not instead of it.
    for (let i = 0; i < 20; i++) await complete(app.url, "/api/v1/chat/completions", key, body(false));
    await wave(20, "routed");
    await new Promise((r) => setTimeout(r, 5_000));
    const warmIdle = await rss(app.child.pid!);
    let peak = await rss(app.child.pid!);
    // 4. Memory: after 10,000 requests (in waves of 200), back near idle?
    for (let done = 0; done < 10_000; done += 200) {
      await wave(200, "routed");
      peak = Math.max(peak, await rss(app.child.pid!));
    }
    // Let idle upstream connections close (undici keeps them 4 s) and the heap settle.
    await new Promise((r) => setTimeout(r, 15_000));
    const after = await rss(app.child.pid!);
    console.log(
      `RSS: idle ${idle.toFixed(0)} MiB (warm ${warmIdle.toFixed(0)} MiB), peak under load ${peak.toFixed(0)} MiB, after 10,000 requests ${after.toFixed(0)} MiB (${(((after - idle) / idle) * 100).toFixed(0)}% over idle, ${(((after - warmIdle) / warmIdle) * 100).toFixed(0)}% over warm idle)`,
    );
  } finally {
    await app.stop();
    upstream.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
