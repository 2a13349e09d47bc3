// Preloaded into the app by the router benchmark when hunting the p99 tail (issue 12):
//   BENCH_APP_NODE_ARGS="--import ./bench/lib/loop-monitor.ts" BENCH_LOOP_LOG=tmp/loop.json
// Records every moment the event loop was blocked for more than BLOCK_MS (a 5 ms timer
// firing late) and every garbage collection, with their times on the monotonic clock in µs
// (that of V8's CPU profiles, so bench/profile-top.ts can show what ran in each block).
// Written when the process exits. Costs ~200 timer wake-ups a second: not for CPU runs.
import fs from "node:fs";
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const TICK_MS = 5;
const BLOCK_MS = 10;
const file = process.env.BENCH_LOOP_LOG;
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
// performance.now() and hrtime share the monotonic clock; this maps one onto the other.
const performanceOriginUs = monotonicUs() - performance.now() * 1000;

const blocks: { at: number; ms: number }[] = [];
const gcs: { at: number; ms: number; kind: string }[] = [];
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "scavenge",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "mark-compact",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak-callbacks",
};

if (file) {
  let expected = monotonicUs() + TICK_MS * 1000;
  const tick = () => {
    const now = monotonicUs();
    const lateMs = (now - expected) / 1000;
    // The block began when the timer should have fired.
    if (lateMs > BLOCK_MS) blocks.push({ at: expected, ms: lateMs });
    expected = now + TICK_MS * 1000;
    setTimeout(tick, TICK_MS).unref();
  };
  setTimeout(tick, TICK_MS).unref();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind ?? -1;
      gcs.push({ at: Math.round(performanceOriginUs + entry.startTime * 1000), ms: entry.duration, kind: GC_KINDS[kind] ?? String(kind) });
    }
  }).observe({ entryTypes: ["gc"] });
  process.on("exit", () => {
    const ms = (ns: number) => ns / 1e6;
    const histogram = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) };
    fs.writeFileSync(file, JSON.stringify({ tickMs: TICK_MS, blockMs: BLOCK_MS, histogram, blocks, gcs }));
  });
}
