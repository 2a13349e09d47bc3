// Two instances on one database and one Redis (the compose.yaml topology, without containers):
// the router's added time to first token at 100 concurrent streams spread over both, beside
// one instance without Redis and the upstream called directly, in the same run.
// The key has rpm, rpd, tpm and a credit limit, so every call runs the shared admission (one
// Lua script) and settles its reservation in Redis.
// Run: npx tsx bench/scale-out.ts   (BENCH_DATABASE_URL=postgres://… for Postgres; default a
// fresh SQLite file both instances open; BENCH_ROUNDS, BENCH_DELTAS)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startRedisServer } from "../tests/helpers/redis-server";
import { loadAverage } from "./lib/cpu";
import { openAiStream, steady, type Sample } from "./lib/load";
import { fakeProviderEnv, percentile, startAppProcess, startScriptProcess, type Proc } from "./lib/processes";

const DELTAS = Number(process.env.BENCH_DELTAS ?? 64);
const GAP_MS = 20;
const STREAMS = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const messages = [{ role: "user", content: "Say tok a few times." }];

const f = (ms: number) => `${ms.toFixed(1)} ms`;

async function run(label: string, sendTo: (client: number) => () => Promise<Sample>): Promise<{ p50: number; p99: number; complete: number; total: number }> {
  let client = 0;
  // steady() calls `send` per request; each client keeps its own target (round robin by client).
  const senders = Array.from({ length: STREAMS }, (_, i) => sendTo(i));
  const samples = await steady(() => senders[client++ % STREAMS](), STREAMS, ROUNDS, DELTAS * GAP_MS);
  const ttfts = samples.flatMap((s) => s.ttfts);
  const result = { p50: percentile(ttfts, 50), p99: percentile(ttfts, 99), complete: samples.reduce((n, s) => n + s.complete, 0), total: samples.length };
  console.log(`${label}: ttft p50 ${f(result.p50)} p99 ${f(result.p99)}; ${result.complete}/${result.total} streams complete`);
  return result;
}

const started: Proc[] = [];
const redis = await startRedisServer();
try {
  const upstream = await startScriptProcess("bench/lib/fake-upstream-process.ts", [String(DELTAS), String(GAP_MS)]);
  started.push(upstream);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-scale-bench-")), "bench.db")}`;
  const base = 43000 + Math.floor(Math.random() * 1000);
  const shared = { ...fakeProviderEnv(upstream.url), DATABASE_URL: databaseUrl, REDIS_URL: redis.url, REDIS_KEY_PREFIX: `bench-${process.pid}:` };
  // The first start applies the migrations; the others find them applied.
  const a = await startAppProcess(base, shared, { apiOnly: true });
  started.push(a);
  const [b, solo] = await Promise.all([
    startAppProcess(base + 1, shared, { apiOnly: true }),
    startAppProcess(base + 2, { ...shared, REDIS_URL: "" }, { apiOnly: true }),
  ]);
  started.push(b, solo);
  const output = execFileSync("node_modules/.bin/tsx", ["lib/cli/keys.ts", "create", "--name", "bench", "--rpm", "1000000", "--rpd", "100000000", "--tpm", "1000000000", "--credit-limit", "1000000"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: "" },
  }).toString();
  const key = /(sk-sy-v1-\S+)/.exec(output)![1];
  const auth = { authorization: `Bearer ${key}` };
  const body = { model: "fake/bench-model", stream: true, messages };
  const to = (url: string, headers: Record<string, string>, model = body.model) => () => openAiStream(`${url}/chat/completions`, headers, { ...body, model }, DELTAS);

  console.log(`load average before: ${loadAverage()}`);
  // Warm-up: each path compiles its code and opens its connections once.
  await run("warm-up", (i) => to(`${[a, b][i % 2].url}/api/v1`, auth));
  const direct = await run("direct to the upstream", () => to(upstream.url, {}, "bench-model"));
  const one = await run("one instance, no Redis", () => to(`${solo.url}/api/v1`, auth));
  const two = await run("two instances + Redis (round robin)", (i) => to(`${[a, b][i % 2].url}/api/v1`, auth));
  console.log(`added ttft, one instance: p50 ${f(one.p50 - direct.p50)} p99 ${f(one.p99 - direct.p99)}`);
  console.log(`added ttft, two instances + Redis: p50 ${f(two.p50 - direct.p50)} p99 ${f(two.p99 - direct.p99)}`);
  console.log(`load average after: ${loadAverage()}`);
} finally {
  await Promise.all(started.map((p) => p.stop()));
  await redis.stop();
}
