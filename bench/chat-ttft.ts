// Time-to-first-token overhead of /api/chat versus calling the standalone sandbox directly,
// p50 and p99, at 1, 8 and 50 concurrent turns. Run: npx tsx bench/chat-ttft.ts
import { percentile, startAppProcess, startSandboxProcess } from "./lib/processes";
import { readSse } from "../lib/streaming/sse";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const MODEL = "swift-mini";

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
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt, columns: [{ modelId: `sandbox/${MODEL}` }] }),
  });
  let ttft = -1;
  for await (const message of readSse(response.body!)) {
    if (ttft < 0 && message.event === "text") ttft = performance.now() - started;
  }
  return ttft;
}

async function measure(run: (prompt: string) => Promise<number>, concurrency: number): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  const total = Math.max(ROUNDS, concurrency * 4);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        samples.push(await run(`Benchmark prompt ${i} [[sandbox:tokens=20]]`));
      }
    }),
  );
  return samples;
}

async function main() {
  const sandbox = await startSandboxProcess(4310, 1000);
  const app = await startAppProcess(3310, { SANDBOX_BASE_URL: sandbox.url, SANDBOX_ENABLED: "true" }).catch(async (error) => {
    await sandbox.stop();
    throw error;
  });
  try {
    await measure((p) => appTtft(app.url, p), 4); // warm-up: compiles routes, fills caches
    console.log("concurrency | direct p50 | direct p99 | /api/chat p50 | /api/chat p99 | added p50 | added p99");
    for (const concurrency of [1, 8, 50]) {
      const direct = await measure((p) => directTtft(sandbox.url, p), concurrency);
      const viaApp = await measure((p) => appTtft(app.url, p), concurrency);
      const d50 = percentile(direct, 50), d99 = percentile(direct, 99), a50 = percentile(viaApp, 50), a99 = percentile(viaApp, 99);
      console.log(
        [concurrency, d50, d99, a50, a99, a50 - d50, a99 - d99].map((v, i) => (i === 0 ? String(v) : `${v.toFixed(1)} ms`)).join(" | "),
      );
    }
  } finally {
    await app.stop();
    await sandbox.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
