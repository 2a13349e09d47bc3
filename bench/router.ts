// The relay near the floor (issue 12): CPU per stream and added time to first token of the
// app's `/api/v1/chat/completions` and `/api/chat`, side by side with a bare node:http relay
// (bench/lib/bare-relay.ts), in one run.
// "pinned": the app's whole process and the bare relay on CPU 1, the fake upstream and this
// load generator on CPU 0. "two-core": nothing pinned. 100 concurrent streams of 64 chunks
// 20 ms apart, their starts spread over one stream's length ("steady") or all at once ("burst").
// The app runs as `npm start` runs it, with an API key that has rate limits and a credit
// limit, and the ledger on. The chatroom runs turns of 8 columns against the same upstream.
// Run: npx tsx bench/router.ts   (knobs: BENCH_MODES, BENCH_SHAPES, BENCH_TARGETS, BENCH_ROUNDS, BENCH_WARMUP, BENCH_DELTAS,
// BENCH_CHAT_TURNS, BENCH_SERVER=api, BENCH_BASELINE, BENCH_APP_NODE_ARGS, BENCH_RELAY_NODE_ARGS, BENCH_WINDOWS=<file> for
// profile-top, BENCH_VERBOSE; see bench/README.md)
import fs from "node:fs";
import { loadAverage, pinRunning, servingPid, threadAffinity } from "./lib/cpu";
import { burst, chatTurn, measure, mergeMeasured, openAiStream, steady, type Measured, type Sample } from "./lib/load";
import { benchSession, createBenchKey, fakeProviderEnv, percentile, startAppProcess, startScriptProcess, type Proc } from "./lib/processes";

// BENCH_DELTAS: chunks per stream; two runs at different counts split the CPU per stream into
// a per-request and a per-chunk part.
const DELTAS = Number(process.env.BENCH_DELTAS ?? 64);
const GAP_MS = 20;
const STREAMS = 100;
const STREAM_MS = DELTAS * GAP_MS;
const COLUMNS = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
// BENCH_REPEAT: each shape measured this many times, the targets taking turns (direct, bare,
// app, direct, bare, app, …), so a drift of the machine's speed during the run (this VM's CPU
// time per stream moves by half between minutes) falls on the floor and the app alike; the
// table pools the repeats, and each repeat's ratio is printed beside it.
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const CHAT_TURNS = Number(process.env.BENCH_CHAT_TURNS ?? Math.round(STREAMS / COLUMNS));
const list = (name: string, all: string) => (process.env[name] ?? all).split(",");
const MODES = list("BENCH_MODES", "pinned,two-core");
const SHAPES = list("BENCH_SHAPES", "steady,burst") as ("steady" | "burst")[];
// BENCH_BASELINE=<another checkout>: its `npm run api` server joins the turns as target "base",
// pinned like the app, with the same key: an A/B of two versions in one run (BENCH_SERVER=api).
const BASELINE = process.env.BENCH_BASELINE;
const TARGETS = [...list("BENCH_TARGETS", "api,chat"), ...(BASELINE ? ["base"] : [])];
// BENCH_SERVER=api: `npm run api`'s server instead of `npm start`'s (no Next in the process).
const API_ONLY = process.env.BENCH_SERVER === "api";
if (BASELINE && !API_ONLY) throw new Error("BENCH_BASELINE compares `npm run api` servers: set BENCH_SERVER=api too");
const APP_CPU = "1";
const LOAD_CPU = "0";

type Send = () => Promise<Sample>;
const windows: { label: string; window: [number, number]; streams: number }[] = [];

/** The load of a shape: 100 streams' worth of clients (the chatroom: 13 turns of 8 columns). */
function load(shape: "steady" | "burst", send: Send, clients: number, rounds = ROUNDS) {
  return () => (shape === "steady" ? steady(send, clients, rounds, STREAM_MS) : burst(send, clients, rounds));
}

async function runMode(mode: string) {
  const pin = mode === "pinned";
  pinRunning(process.pid, pin ? LOAD_CPU : "0-1");
  const started: Proc[] = [];
  try {
    const upstream = await startScriptProcess("bench/lib/fake-upstream-process.ts", [String(DELTAS), String(GAP_MS)], pin ? LOAD_CPU : null);
    started.push(upstream);
    // BENCH_RELAY_NODE_ARGS profiles the floor as BENCH_APP_NODE_ARGS does the app.
    const relayArgs = process.env.BENCH_RELAY_NODE_ARGS?.split(" ").filter(Boolean);
    const bare = await startScriptProcess("bench/lib/bare-relay.ts", [upstream.url.replace(/\/v1$/, "")], pin ? APP_CPU : null, relayArgs);
    started.push(bare);
    const port = 41000 + Math.floor(Math.random() * 2000);
    let app = await startAppProcess(port, fakeProviderEnv(upstream.url), { cpus: pin ? APP_CPU : null });
    started.push(app);
    const key = createBenchKey(port);
    const session = (await benchSession(app.url)).headers;
    if (API_ONLY) {
      // The same key and session, served by `npm run api`'s server: what Next costs the lean routes.
      await app.stop();
      app = await startAppProcess(port, fakeProviderEnv(upstream.url), { cpus: pin ? APP_CPU : null, apiOnly: true });
      started.push(app);
    }
    const base = BASELINE ? await startAppProcess(port + 1, fakeProviderEnv(upstream.url), { cpus: pin ? APP_CPU : null, apiOnly: true, tree: BASELINE, preparedOn: port }) : null;
    if (base) started.push(base);
    const appPid = servingPid(app.child.pid!, port);
    const barePid = servingPid(bare.child.pid!, Number(new URL(bare.url).port));
    console.log(`\n## ${mode} (load average ${loadAverage()}): app pid ${appPid} threads on CPUs ${JSON.stringify(threadAffinity(appPid))}, bare relay on ${JSON.stringify(threadAffinity(barePid))}, upstream and load generator on ${JSON.stringify(threadAffinity(process.pid))}`);

    const messages = [{ role: "user", content: "benchmark" }];
    const apiStream = (url: string) => () => openAiStream(`${url}/api/v1/chat/completions`, { authorization: `Bearer ${key}` }, { model: "fake/bench-model", stream: true, messages }, DELTAS);
    let turn = 0;
    const sends: Record<string, Send> = {
      direct: () => openAiStream(`${upstream.url}/chat/completions`, {}, { model: "bench-model", stream: true, stream_options: { include_usage: true }, messages }, DELTAS),
      bare: () => openAiStream(`${bare.url}/v1/chat/completions`, {}, { model: "bench-model", stream: true, stream_options: { include_usage: true }, messages }, DELTAS),
      api: apiStream(app.url),
      base: apiStream(base?.url ?? ""),
      chat: () => chatTurn(`${app.url}/api/chat`, session, { prompt: `Benchmark prompt ${turn++}`, columns: Array.from({ length: COLUMNS }, () => ({ modelId: "fake/bench-model" })) }),
    };
    const pidOf: Record<string, number | null> = { direct: null, bare: barePid, api: appPid, chat: appPid, base: base ? servingPid(base.child.pid!, port + 1) : null };
    const targets = ["direct", "bare", ...TARGETS];
    const clientsOf = (target: string) => (target === "chat" ? CHAT_TURNS : STREAMS);

    // Warm-up: pools fill, and V8 optimises the hot paths. A request's own steps (parse, key,
    // admission, plan) run once per stream, not once per chunk: V8 still compiles some of them
    // after 1,000 streams and is done after ~3,000 (--trace-opt), so a short warm-up measures
    // the JIT at work (TurboFan on the pinned core) rather than the relay. BENCH_WARMUP rounds
    // of 100 streams per target (2: the method's figures before 2026-12-02's session 10).
    for (const target of targets) {
      await load("steady", sends[target], clientsOf(target), WARMUP)();
      await load("burst", sends[target], clientsOf(target), 1)();
    }

    for (const shape of SHAPES) {
      const repeats: Record<string, Measured>[] = [];
      for (let rep = 0; rep < REPEAT; rep++) {
        const results: Record<string, Measured> = {};
        for (const target of targets) {
          const pids: Record<string, number> = { upstream: upstream.child.pid! };
          if (pidOf[target] !== null) pids.server = pidOf[target]!;
          const result = await measure(load(shape, sends[target], clientsOf(target)), target === "chat" ? COLUMNS : 1, pids);
          results[target] = result;
          windows.push({ label: `${mode} ${shape} ${target}`, window: result.window, streams: result.streams });
          const cpu = Object.entries(result.cpuMs).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`).join(", ");
          console.log(`  ${shape} ${target}: ${result.streams}/${result.expected} streams complete in ${(result.wallMs / 1000).toFixed(1)} s; CPU ${cpu}`);
          const threads = Object.entries(result.serverThreadsMs).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
          if (threads.length) console.log(`    server threads, ms/stream: ${threads.slice(0, 5).map(([name, ms]) => `${name} ${(ms / result.streams).toFixed(2)}`).join(", ")}${threads.length > 5 ? `, ${threads.length - 5} more` : ""}`);
          if (result.streams !== result.expected) console.log(`  WARNING: ${result.expected - result.streams} streams incomplete`);
        }
        repeats.push(results);
      }
      if (REPEAT > 1) {
        const ratio = (r: Record<string, Measured>, t: string) => (r[t].cpuMs.server / r[t].streams / (r.bare.cpuMs.server / r.bare.streams)).toFixed(2);
        for (const target of TARGETS) console.log(`  ${shape} ${target}: × bare in each repeat: ${repeats.map((r) => ratio(r, target)).join(", ")}`);
      }
      report(shape, Object.fromEntries(targets.map((t) => [t, mergeMeasured(repeats.map((r) => r[t]))])));
    }
  } finally {
    for (const proc of started.reverse()) await proc.stop();
  }
}

function report(shape: string, r: Record<string, Measured>) {
  const perStream = (m: Measured) => m.cpuMs.server / m.streams;
  const added = (m: Measured, p: number) => percentile(m.ttfts, p) - percentile(r.direct.ttfts, p);
  const ms = (v: number) => `${v >= 0 ? "+" : ""}${v.toFixed(1)}`;
  const bareCpu = perStream(r.bare);
  console.log(`  ${shape}: direct TTFT p50 ${percentile(r.direct.ttfts, 50).toFixed(1)} ms, p99 ${percentile(r.direct.ttfts, 99).toFixed(1)} ms (${r.direct.ttfts.length} samples)`);
  console.log(`  | ${shape} | CPU ms/stream | × bare | added TTFT p50 | added TTFT p99 |`);
  console.log(`  | --- | ---: | ---: | ---: | ---: |`);
  for (const target of ["bare", ...TARGETS]) {
    const m = r[target];
    const name = { bare: "bare relay", api: "/api/v1 (per stream)", base: `/api/v1 of ${BASELINE}`, chat: `/api/chat (per column, ${CHAT_TURNS}×${COLUMNS})` }[target];
    console.log(`  | ${name} | ${perStream(m).toFixed(2)} | ${(perStream(m) / bareCpu).toFixed(2)}× | ${ms(added(m, 50))} ms | ${ms(added(m, 99))} ms |`);
  }
}

async function main() {
  console.log(`${STREAMS} streams of ${DELTAS} chunks ${GAP_MS} ms apart; ${ROUNDS} rounds per shape; server: ${API_ONLY ? "npm run api" : "npm start"}; load average ${loadAverage()}`);
  for (const mode of MODES) await runMode(mode);
  if (process.env.BENCH_WINDOWS) fs.writeFileSync(process.env.BENCH_WINDOWS, JSON.stringify(windows, null, 1));
  console.log(`\nload average at the end ${loadAverage()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
