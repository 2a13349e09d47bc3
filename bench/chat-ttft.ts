// Time-to-first-token overhead of /api/chat versus calling the standalone sandbox directly,
// p50 and p99, at 1, 8 and 50 concurrent turns. Run: npx tsx bench/chat-ttft.ts
// Two load shapes: "burst" (an instant sandbox, clients firing back to back, so turns start
// in lockstep) and "steady" (a realistically paced model: 150 ms to first token, 150
// tokens/s, 60 tokens; N turns in flight, their starts staggered so they arrive continuously).
import { benchSession, percentile, startAppProcess, startSandboxProcess } from "./lib/processes";

// The signed-in user's cookies and CSRF header: the measured path includes the session check.
let sessionHeaders: Record<string, string> = {};
import { readSse } from "../lib/streaming/sse";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1000);
const MODEL = "swift-mini";
// BENCH_ONLY=burst|steady and BENCH_CONCURRENCY=50 (comma-separated) narrow a run while tuning.
const ONLY = process.env.BENCH_ONLY;
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? "1,8,50").split(",").map(Number);

async function directTtft(sandboxUrl: string, prompt: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${sandboxUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer x" },
    body: JSON.stringify({ model: MODEL, stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: prompt }] }),
  });
  let ttft = -1;
  for await (const message of readSse(response.body!)) {
    if (ttft < 0 && message.data.includes('"content":"') && !message.data.includes('"content":""')) ttft = performance.now() - started;
  }
  return ttft;
}

async function appTtft(appUrl: string, prompt: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${appUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...sessionHeaders },
    body: JSON.stringify({ prompt, columns: [{ modelId: `sandbox/${MODEL}` }] }),
  });
  let ttft = -1;
  for await (const message of readSse(response.body!)) {
    if (ttft < 0 && message.event === "text") ttft = performance.now() - started;
  }
  return ttft;
}

/** N clients, each starting its next turn when the last ends, first starts spread over `staggerMs`. */
async function measure(run: (prompt: string) => Promise<number>, concurrency: number, tokens = 20, staggerMs = 0): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  // Paced turns take ~0.7 s each: fewer of them keep the run to minutes (20 per client: a p99 from 1,000 at 50).
  const total = staggerMs > 0 ? Math.max(100, concurrency * 20) : Math.max(ROUNDS, concurrency * 4);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      await new Promise((r) => setTimeout(r, (worker * staggerMs) / concurrency));
      while (next < total) {
        const i = next++;
        const at = performance.now();
        const ttft = await run(`Benchmark prompt ${i} [[sandbox:tokens=${tokens}]]`);
        samples.push(ttft);
        if (process.env.BENCH_VERBOSE && ttft > 170 && staggerMs > 0) console.log(`  slow turn ${i}: ${ttft.toFixed(1)} ms, started ${(Date.now() - (performance.now() - at)) % 1e6 | 0}`);
      }
    }),
  );
  return samples;
}

function report(label: string, concurrency: number, direct: number[], viaApp: number[]) {
  if (process.env.BENCH_VERBOSE) {
    const slowest = (xs: number[]) => xs.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).slice(0, 4).map(([v, i]) => `#${i}: ${v.toFixed(1)}`).join(", ");
    console.log(`  slowest direct ${slowest(direct)}; slowest via app ${slowest(viaApp)}`);
  }
  const d50 = percentile(direct, 50), d99 = percentile(direct, 99), a50 = percentile(viaApp, 50), a99 = percentile(viaApp, 99);
  const ms = [d50, d99, a50, a99, a50 - d50, a99 - d99].map((v) => `${v.toFixed(1)} ms`);
  console.log([label, String(concurrency), ...ms].join(" | "));
}

async function run(speed: number, label: string, tokens: number, staggerMs: number) {
  const sandbox = await startSandboxProcess(4310, speed);
  const app = await startAppProcess(3310, {
    SANDBOX_BASE_URL: sandbox.url,
    SANDBOX_ENABLED: "true",
  }).catch(async (error) => {
    await sandbox.stop();
    throw error;
  });
  try {
    sessionHeaders = (await benchSession(app.url)).headers;
    await measure((p) => appTtft(app.url, p), 4, tokens); // warm-up: compiles routes, fills caches
    for (const concurrency of CONCURRENCIES) {
      const direct = await measure((p) => directTtft(sandbox.url, p), concurrency, tokens, staggerMs);
      const viaApp = await measure((p) => appTtft(app.url, p), concurrency, tokens, staggerMs);
      report(label, concurrency, direct, viaApp);
    }
  } finally {
    await app.stop();
    await sandbox.stop();
  }
}

async function main() {
  console.log("load | concurrency | direct p50 | direct p99 | /api/chat p50 | /api/chat p99 | added p50 | added p99");
  if (ONLY !== "steady") await run(1000, "burst", 20, 0);
  // swift-mini at speed 1: 150 ms to first token, 150 tokens/s; 60 tokens last ~0.55 s.
  if (ONLY !== "burst") await run(1, "steady", 60, 550);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
