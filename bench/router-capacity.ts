// The router's other checks (the router issue), beside the one-core comparison of
// bench/router.ts: added latency of non-streaming calls at concurrency 1, the most concurrent
// streams with no stall and no lost chunk, and resident memory after 10,000 requests. The app
// (`npm start`), with the same key, limits and ledger as bench/router.ts; nothing pinned.
// Run: npx tsx bench/router-capacity.ts   (BENCH_ONLY=latency|capacity|memory: one part)
import { treeRssMiB } from "./lib/cpu";
import { openAiStream, postJson, type Sample } from "./lib/load";
import { createBenchKey, fakeProviderEnv, percentile, startAppProcess, startScriptProcess } from "./lib/processes";

const DELTAS = 64;
const GAP_MS = 20;
const ONLY = process.env.BENCH_ONLY;

async function main() {
  const upstream = await startScriptProcess("bench/lib/fake-upstream-process.ts", [String(DELTAS), String(GAP_MS)]);
  const port = 41000 + Math.floor(Math.random() * 2000);
  const app = await startAppProcess(port, fakeProviderEnv(upstream.url)).catch(async (e) => {
    await upstream.stop();
    throw e;
  });
  try {
    const auth = { authorization: `Bearer ${createBenchKey(port)}` };
    const messages = [{ role: "user", content: "benchmark" }];
    const direct = () => postJson(`${upstream.url}/chat/completions`, {}, { model: "bench-model", stream: false, messages });
    const routed = () => postJson(`${app.url}/api/v1/chat/completions`, auth, { model: "fake/bench-model", stream: false, messages });
    const routedStream = () => openAiStream(`${app.url}/api/v1/chat/completions`, auth, { model: "fake/bench-model", stream: true, messages }, DELTAS);
    const wave = (n: number) => Promise.all(Array.from({ length: n }, routedStream));
    const rss = () => treeRssMiB(app.child.pid!);
    const idle = rss();

    if (!ONLY || ONLY === "latency") {
      // Warm up first: V8 optimises the handler only after some hundreds of calls.
      for (let i = 0; i < 500; i++) await direct(), await routed();
      const d: number[] = [];
      const r: number[] = [];
      for (let i = 0; i < 1000; i++) d.push(await direct()), r.push(await routed());
      const f = (v: number) => `${v.toFixed(2)} ms`;
      console.log(`non-streaming c=1: direct p50 ${f(percentile(d, 50))} p99 ${f(percentile(d, 99))}; routed p50 ${f(percentile(r, 50))} p99 ${f(percentile(r, 99))}; added p50 ${f(percentile(r, 50) - percentile(d, 50))} p99 ${f(percentile(r, 99) - percentile(d, 99))}`);
    }

    if (!ONLY || ONLY === "capacity") {
      // No gap over 10× the pacing and no lost chunk.
      let best = 0;
      for (const n of [200, 300, 400, 500, 600, 750, 1000]) {
        const results: Sample[] = await wave(n);
        const worstGap = Math.max(...results.map((s) => s.worstGapMs ?? 0));
        const lost = results.filter((s) => s.complete === 0).length;
        const ok = worstGap <= GAP_MS * 10 && lost === 0;
        console.log(`${n} streams: worst gap ${worstGap.toFixed(0)} ms, streams missing chunks ${lost} -> ${ok ? "stall-free" : "STALLED"}`);
        if (!ok) break;
        best = n;
      }
      console.log(`most stall-free concurrent streams: ${best}`);
    }

    if (!ONLY || ONLY === "memory") {
      // Idle once warm: the first requests load the SDK, compile the route and open the
      // upstream pool, a one-time cost; reported beside the cold idle, not instead of it.
      for (let i = 0; i < 20; i++) await routed();
      await wave(20);
      await new Promise((r) => setTimeout(r, 5_000));
      const warmIdle = rss();
      let peak = warmIdle;
      for (let done = 0; done < 10_000; done += 200) {
        await wave(200);
        peak = Math.max(peak, rss());
      }
      // Let idle upstream connections close (undici keeps them 4 s) and the heap settle.
      await new Promise((r) => setTimeout(r, 15_000));
      const after = rss();
      const over = (base: number) => `${(((after - base) / base) * 100).toFixed(0)}%`;
      console.log(`RSS: idle ${idle.toFixed(0)} MiB (warm ${warmIdle.toFixed(0)} MiB), peak under load ${peak.toFixed(0)} MiB, after 10,000 requests ${after.toFixed(0)} MiB (${over(idle)} over idle, ${over(warmIdle)} over warm idle)`);
    }
  } finally {
    await app.stop();
    await upstream.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
