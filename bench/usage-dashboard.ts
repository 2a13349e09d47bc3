// Usage dashboard queries over a million ledger rows: summary, time series and breakdown
// for a year and a month, and page 1,000 of the activity log, p50 of several runs each.
// Run: npx tsx bench/usage-dashboard.ts   (BENCH_ROWS, BENCH_RUNS to change the size)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const FILE = path.resolve("data", "bench-usage.db");
const EMAIL = "bench@switchyard.local";
const YEAR = 365 * 86_400_000;

function seed(now: number): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(FILE + suffix, { force: true });
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${FILE}` }, stdio: "ignore" });

  const db = new Database(FILE);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.prepare(`INSERT INTO User (id, email, name, role, createdAt) VALUES ('bench-user', ?, 'Bench', 'admin', ?)`).run(EMAIL, new Date(now).toISOString().replace("Z", "+00:00"));
  const providers = ["openai", "openrouter", "gemini", "groq", "mistral", "deepseek", "together", "sandbox"];
  const models = Array.from({ length: 50 }, (_, i) => ({ provider: providers[i % providers.length], id: `${providers[i % providers.length]}/model-${i}` }));
  const insert = db.prepare(`INSERT INTO Generation (id, userId, source, conversationId, apiKeyId, requestedModel, modelId, provider, upstreamModel,
    pricePromptPico, priceCompletionPico, promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico, computedCostPico,
    ttftMs, totalMs, status, attempts, createdAt, finishedAt)
    VALUES (?, 'bench-user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`);
  const rand = mulberry32(42);
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      // A few models carry most traffic, as in real use.
      const model = models[Math.min(49, Math.floor(50 * rand() ** 2.5))];
      const api = rand() < 0.3;
      const prompt = Math.floor(rand() * 4000);
      const completion = Math.floor(rand() * 1200);
      const pricePrompt = 50_000 + (models.indexOf(model) * 37_000) % 3_000_000;
      const cost = prompt * pricePrompt + completion * pricePrompt * 4;
      const r = rand();
      const status = r < 0.9 ? "done" : r < 0.96 ? "error" : "stopped";
      const created = now - 60_000 - Math.floor(rand() * YEAR);
      const iso = new Date(created).toISOString().replace("Z", "+00:00");
      insert.run(
        `gen-${i.toString(36)}-${Math.floor(rand() * 1e9).toString(36)}`,
        api ? "api" : "chat",
        api ? null : `conv-${Math.floor(rand() * 20_000)}`,
        api ? `key-${Math.floor(rand() * 5)}` : null,
        model.id, model.id, model.provider, model.id.split("/")[1],
        pricePrompt, pricePrompt * 4, prompt, completion, 0, 0, cost, cost,
        Math.floor(150 + rand() * 900), Math.floor(1000 + rand() * 8000), status, iso, iso,
      );
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  // No ANALYZE: the app never runs it, so the planner here sees what it sees there.
  db.close();
  console.log(`seeded ${ROWS.toLocaleString("en")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A small seeded PRNG with a full 32-bit state (an LCG in doubles loses bits and repeats). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function p50(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const now = Date.now();
  seed(now);
  process.env.DATABASE_URL = `file:${FILE}`;
  const { resolveCliUserId } = await import("../lib/auth/cli-user");
  const { parseUsageQuery } = await import("../lib/usage/query-params");
  const { ensureRollupsSealed } = await import("../lib/usage/rollup");
  const { getUsageSummary } = await import("../lib/usage/summary");
  const { getUsageTimeseries } = await import("../lib/usage/timeseries");
  const { getUsageBreakdown } = await import("../lib/usage/breakdown");
  const { listActivity } = await import("../lib/usage/activity");
  const { queryRows } = await import("../lib/usage/db");
  const { SUM_COLUMNS, planSource, sourceSql } = await import("../lib/usage/usage-source");
  const userId = await resolveCliUserId(EMAIL);

  let t = performance.now();
  await ensureRollupsSealed();
  console.log(`first read sealed a year into the hourly rollup in ${((performance.now() - t) / 1000).toFixed(1)} s (once; later reads seal only new hours)`);
  const [{ hourly, daily }] = await queryRows<{ hourly: number; daily: number }>(
    `SELECT (SELECT COUNT(*) FROM UsageHourlyRollup) AS hourly, (SELECT COUNT(*) FROM UsageDailyModelRollup) AS daily`,
  );
  console.log(`rollup rows: ${Number(hourly).toLocaleString("en")} hourly, ${Number(daily).toLocaleString("en")} daily\n`);

  const results: [string, number][] = [];
  for (const range of ["year", "month"] as const) {
    const q = parseUsageQuery({ range, tz: "Europe/Berlin" });
    results.push([`summary, ${range}`, await p50(() => getUsageSummary(userId, q))]);
    results.push([`time series by model, ${range}`, await p50(() => getUsageTimeseries(userId, q, { stackBy: "model", top: 6 }))]);
    results.push([`breakdown by model, ${range}`, await p50(() => getUsageBreakdown(userId, q, { groupBy: "model", sort: "cost", dir: "desc" }))]);
  }
  const year = parseUsageQuery({ range: "year" });
  results.push(["activity page 1,000 (50 rows), year", await p50(() => listActivity(userId, year, { limit: 50, page: 1000 }))]);
  results.push(["activity page 1,000, model filter, year", await p50(() => listActivity(userId, parseUsageQuery({ range: "year", model: "openai/model-0" }), { limit: 50, page: 1000 }))]);
  results.push(["breakdown by conversation, month (ledger, no rollup)", await p50(() => getUsageBreakdown(userId, parseUsageQuery({ range: "month" }), { groupBy: "conversation", sort: "cost", dir: "desc" }))]);
  const raw = sourceSql(planSource(userId, year.from, year.to, {}, 0, { rollup: false, daily: false }));
  results.push(["for comparison: summary, year, ledger only (no rollup)", await p50(() => queryRows(`SELECT ${SUM_COLUMNS} FROM ${raw.sql}`, raw.params))]);

  console.log("query".padEnd(58) + "p50");
  for (const [name, ms] of results) console.log(`${name.padEnd(58)}${ms.toFixed(1).padStart(7)} ms`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
