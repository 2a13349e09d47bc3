// The arena leaderboard over 100,000 votes and 50 models with 1,000 bootstrap replicates: plain
// Bradley–Terry and the length-controlled fit, both with intervals, from plain votes to rows.
// Run: npx tsx bench/leaderboard.ts   (BENCH_VOTES, BENCH_MODELS, BENCH_SAMPLES, BENCH_RUNS to change it)
import os from "node:os";
import { computeLeaderboard } from "../lib/arena/leaderboard";
import { SeededRandom } from "../lib/arena/random";
import { generateSyntheticVotes, type SyntheticModel } from "../lib/arena/synthetic-votes";

const VOTES = Number(process.env.BENCH_VOTES ?? 100_000);
const MODELS = Number(process.env.BENCH_MODELS ?? 50);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FLOOR_MS = 2_000;

const random = new SeededRandom(7);
const models: SyntheticModel[] = Array.from({ length: MODELS }, (_, k) => ({
  model: `bench/model-${String(k).padStart(2, "0")}`,
  score: 800 + random.next() * 500,
  typicalChars: Math.round(300 + random.next() * 2_700),
}));
const votes = generateSyntheticVotes({ models, votes: VOTES, seed: 11, lengthBias: 0.8, tieRate: 0.15 });
console.log(`${VOTES.toLocaleString("en")} votes, ${MODELS} models, ${SAMPLES.toLocaleString("en")} bootstrap replicates; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

const times: number[] = [];
let rows = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const board = computeLeaderboard(votes, { bootstrapSamples: SAMPLES, seed: run + 1 });
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  times.push(elapsed);
  rows = board.rows.length;
  const top = board.rows[0];
  console.log(
    `run ${run + 1}: ${elapsed.toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)  (top ${top.model} ${top.plain.score.toFixed(0)} [${top.plain.lower.toFixed(0)}, ${top.plain.upper.toFixed(0)}],` +
      ` length-controlled ${top.lengthControlled?.score.toFixed(0)}; length effect ${board.lengthEffect?.pointsAtTwiceTheLength.toFixed(1)} points at twice the length)`,
  );
}
const sorted = [...times].sort((a, b) => a - b);
const p50 = sorted[Math.floor((sorted.length - 1) / 2)];
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; ${rows} rows; first run ${times[0].toFixed(0)} ms, p50 ${p50.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms; floor ${FLOOR_MS} ms: ${sorted.at(-1)! < FLOOR_MS ? "met" : "NOT met"}`);
