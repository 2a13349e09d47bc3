// Long conversations through `/api/v1/chat/completions`: a chat client resends the whole
// history with every turn, and every call counts its prompt for the worst case (the bench key
// has a credit limit, as production keys do). Four conversations grow ~900 tokens a turn to
// ~35,000 tokens while 20 short streams run beside them; the bench prints the added time to
// first token by history size, the app's CPU over the run, and the worst stall the short
// streams saw (an event loop blocked by counting).
// Run: npx tsx bench/long-history.ts   (BENCH_TURNS, BENCH_CONVERSATIONS, BENCH_ONLY=count: the
// in-process count alone; see bench/README.md)
import { countRequestTokens } from "../lib/ledger/count-tokens";
import { resetProcessSingletons } from "../lib/process-singleton";
import { processCpuMs, servingPid } from "./lib/cpu";
import { openAiStream, type Sample } from "./lib/load";
import { createBenchKey, fakeProviderEnv, percentile, startAppProcess, startScriptProcess, type Proc } from "./lib/processes";

const TURNS = Number(process.env.BENCH_TURNS ?? 40);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 4);
const BACKGROUND = 20;
const DELTAS = 64;

// Text that does not repeat (repeated text is cheap for the tokenizer's own cache, real
// conversations are not): words drawn by a seeded generator, numbers, a table and code.
const WORDS = "the a revenue region quarter growth margin cost forecast customer churn pricing model latency token stream provider fallback budget credit usage ledger invoice report trend season market share product launch delay risk plan review metric signal noise sample median variance outlier cohort retention funnel conversion".split(" ");
function prose(seed: number, words: number): string {
  let x = (Math.imul(seed, 2654435761) + 1) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(i % 9 === 8 ? String(x % 10000) : WORDS[x % WORDS.length]);
  }
  return out.join(" ");
}
// ~300 tokens of question and ~500 of answer, different every turn.
const question = (c: number, t: number) => `Conversation ${c}, turn ${t}: ${prose(c * 1000 + t, 260)}?`;
const answer = (c: number, t: number) =>
  `| region | Q${t} revenue | change |\n| --- | ---: | ---: |\n${["EMEA", "APAC", "AMER", "LATAM"].map((r, i) => `| ${r} | ${(c + 1) * (t + 1) * (i + 3)} | ${i - 1}% |`).join("\n")}\n\n` +
  `\`\`\`ts\nconst totals = rows.reduce((sum, row) => sum + row.revenue * ${t}, ${c});\n\`\`\`\n\n` +
  prose(c * 1000 + t + 500, 380);

/** In this process, the engine's prompt count for each turn of one conversation: with nothing
 * remembered (what every turn paid before long texts were remembered), and with the earlier
 * turns remembered, as a running server has them (only the new question is counted). */
function countingInProcess(): number {
  const messages: { role: string; content: string }[] = [];
  const asSent = (list: typeof messages) => ({ messages: JSON.parse(JSON.stringify(list)) as typeof messages });
  const timed = (list: typeof messages) => {
    const request = asSent(list);
    const t0 = performance.now();
    const tokens = countRequestTokens(request);
    return { tokens, ms: performance.now() - t0 };
  };
  const rows: string[] = [];
  let tokens = 0;
  for (let t = 0; t < TURNS; t++) {
    messages.push({ role: "user", content: question(9, t) });
    resetProcessSingletons("token-counts");
    const cold = timed(messages);
    tokens = cold.tokens;
    resetProcessSingletons("token-counts");
    countRequestTokens(asSent(messages.slice(0, -1)));
    const warm = timed(messages);
    if ((t + 1) % 10 === 0) rows.push(`| ${t + 1} | ${cold.tokens} | ${cold.ms.toFixed(2)} ms | ${warm.ms.toFixed(2)} ms |`);
    messages.push({ role: "assistant", content: answer(9, t) });
  }
  console.log(`counting a turn's prompt in process (countRequestTokens):\n| turn | prompt tokens | nothing remembered | earlier turns remembered |\n| --- | ---: | ---: | ---: |\n${rows.join("\n")}\n`);
  return tokens;
}

async function main() {
  const longest = countingInProcess();
  if (process.env.BENCH_ONLY === "count") return;
  const started: Proc[] = [];
  try {
    const upstream = await startScriptProcess("bench/lib/fake-upstream-process.ts", [String(DELTAS), "20"]);
    started.push(upstream);
    const port = 43000 + Math.floor(Math.random() * 2000);
    const app = await startAppProcess(port, fakeProviderEnv(upstream.url));
    started.push(app);
    const key = createBenchKey(port);
    const pid = servingPid(app.child.pid!, port);
    const api = (messages: object[]) => openAiStream(`${app.url}/api/v1/chat/completions`, { authorization: `Bearer ${key}` }, { model: "fake/bench-model", stream: true, messages }, DELTAS);
    const direct = (messages: object[]) => openAiStream(`${upstream.url}/chat/completions`, {}, { model: "bench-model", stream: true, messages }, DELTAS);
    const short = [{ role: "user", content: "benchmark" }];

    // Warm-up: V8 optimises the paths; the pool fills.
    await Promise.all(Array.from({ length: 40 }, () => api(short)));

    let running = true;
    const background: Sample[] = [];
    const backgroundDone = Promise.all(
      Array.from({ length: BACKGROUND }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * 60));
        while (running) background.push(await api(short));
      }),
    );
    // Added time to first token, by the turn's tens (turns 1–10, 11–20, …).
    const addedByTens = new Map<number, number[]>();
    const cpuLong0 = processCpuMs(pid);
    const phaseStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, c) => {
        const messages: object[] = [];
        for (let t = 0; t < TURNS; t++) {
          messages.push({ role: "user", content: question(c, t) });
          const viaDirect = await direct(messages);
          const viaApp = await api(messages);
          const tens = Math.floor(t / 10) * 10;
          if (!addedByTens.has(tens)) addedByTens.set(tens, []);
          if (viaApp.ttfts[0] !== undefined && viaDirect.ttfts[0] !== undefined) addedByTens.get(tens)!.push(viaApp.ttfts[0] - viaDirect.ttfts[0]);
          messages.push({ role: "assistant", content: answer(c, t) });
        }
      }),
    );
    const cpuLong = processCpuMs(pid) - cpuLong0;
    const seconds = (performance.now() - phaseStarted) / 1000;
    running = false;
    await backgroundDone;

    console.log(`${CONVERSATIONS} conversations × ${TURNS} turns (history up to ~${Math.round(longest / 1000)}k tokens), ${BACKGROUND} short streams beside them`);
    console.log(`| turns | added TTFT p50 | added TTFT p99 |\n| --- | ---: | ---: |`);
    for (const [tens, added] of [...addedByTens].sort((a, b) => a[0] - b[0])) {
      console.log(`| ${tens + 1}–${tens + 10} | ${percentile(added, 50).toFixed(1)} ms | ${percentile(added, 99).toFixed(1)} ms |`);
    }
    console.log(`app CPU over the run: ${(cpuLong / 1000).toFixed(2)} s in ${seconds.toFixed(1)} s (${((cpuLong / 1000 / seconds) * 100).toFixed(0)}% of a core)`);
    const gaps = background.map((s) => s.worstGapMs ?? 0);
    console.log(`short streams beside them: ${background.length}, worst gap between chunks p50 ${percentile(gaps, 50).toFixed(1)} ms, p99 ${percentile(gaps, 99).toFixed(1)} ms, max ${Math.max(...gaps).toFixed(1)} ms (upstream gap 20 ms)`);
  } finally {
    for (const proc of started.reverse()) await proc.stop();
  }
}

await main();
