// Usage dashboard queries over a million ledger rows, on SQLite (default) or Postgres
// (BENCH_DATABASE_URL=postgres://…/postgres: a fresh database `switchyard_bench` is created
// there): summary, time series and breakdown for a year and a month, breakdown by
// conversation, and page 1,000 of the activity log, p50 of several runs each. Rows are
// inserted as the app writes them — in time order, committed in batches, the rollups'
// triggers firing on each — and the first dashboard read right after is timed too.
// BENCH_ORDER=random inserts the same rows in random time order instead (a worst case for
// where rows land on disk; the sessions before this one measured that way).
// Run: npx tsx bench/usage-dashboard.ts   (BENCH_ROWS, BENCH_RUNS to change the size)
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { dbTime } from "../lib/db/db-time";
import { migrateDatabase } from "../lib/db/migrate";
import { postgresPoolConfig } from "../lib/db/postgres-connection";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const POSTGRES_ADMIN_URL = process.env.BENCH_DATABASE_URL?.startsWith("postgres") ? process.env.BENCH_DATABASE_URL : undefined;
const FILE = path.resolve("data", "bench-usage.db");
const EMAIL = "bench@switchyard.local";
const YEAR = 365 * 86_400_000;
const BATCH = 1_000;
const RANDOM_ORDER = process.env.BENCH_ORDER === "random";

const COLUMNS = `"id", "userId", "source", "conversationId", "apiKeyId", "requestedModel", "modelId", "provider", "upstreamModel",
  "pricePromptPico", "priceCompletionPico", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "computedCostPico",
  "ttftMs", "totalMs", "status", "attempts", "createdAt", "finishedAt"`;

type Values = (string | number | null)[];

/** The same million rows on both databases (seeded generator). */
function* ledgerRows(now: number): Generator<Values> {
  const providers = ["openai", "openrouter", "gemini", "groq", "mistral", "deepseek", "together", "sandbox"];
  const models = Array.from({ length: 50 }, (_, i) => ({ provider: providers[i % providers.length], id: `${providers[i % providers.length]}/model-${i}` }));
  const rand = mulberry32(42);
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
    // Over the last year: in time order (row i at its share of the year, plus jitter), or anywhere.
    const jitter = rand();
    const created = RANDOM_ORDER ? now - 60_000 - Math.floor(jitter * YEAR) : now - 60_000 - YEAR + Math.floor(((i + jitter) * YEAR) / ROWS);
    const iso = dbTime(created);
    yield [
      `gen-${i.toString(36)}-${Math.floor(rand() * 1e9).toString(36)}`, "bench-user",
      api ? "api" : "chat",
      api ? null : `conv-${Math.floor(rand() * 20_000)}`,
      api ? `key-${Math.floor(rand() * 5)}` : null,
      model.id, model.id, model.provider, model.id.split("/")[1],
      pricePrompt, pricePrompt * 4, prompt, completion, 0, 0, cost, cost,
      Math.floor(150 + rand() * 900), Math.floor(1000 + rand() * 8000), status, "[]", iso, iso,
    ];
  }
}

async function seedSqlite(now: number): Promise<string> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(FILE + suffix, { force: true });
  const url = `file:${FILE}`;
  await migrateDatabase(url, { log: () => {} });
  const db = new Database(FILE);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  // Seeding only: a big page cache for the rollup upserts of rows arriving in random time order.
  db.pragma("cache_size = -262144");
  db.prepare(`INSERT INTO "User" ("id", "email", "name", "role", "createdAt") VALUES ('bench-user', ?, 'Bench', 'admin', ?)`).run(EMAIL, dbTime(now));
  const insert = db.prepare(`INSERT INTO "Generation" (${COLUMNS}) VALUES (${Array(23).fill("?").join(", ")})`);
  const insertAll = db.transaction((rows: Values[]) => rows.forEach((row) => insert.run(...row)));
  let batch: Values[] = [];
  for (const row of ledgerRows(now)) {
    batch.push(row);
    if (batch.length === BATCH * 10) (insertAll(batch), (batch = []));
  }
  insertAll(batch);
  db.pragma("wal_checkpoint(TRUNCATE)");
  // No ANALYZE: the app never runs it, so the planner here sees what it sees there.
  db.close();
  return url;
}

async function seedPostgres(now: number, adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS switchyard_bench WITH (FORCE)`);
  await admin.query(`CREATE DATABASE switchyard_bench`);
  await admin.end();
  const target = new URL(adminUrl);
  target.pathname = "/switchyard_bench";
  const url = target.toString();
  await migrateDatabase(url, { log: () => {} });
  const db = new pg.Client(postgresPoolConfig(url));
  await db.connect();
  await db.query(`INSERT INTO "User" ("id", "email", "name", "role", "createdAt") VALUES ('bench-user', $1, 'Bench', 'admin', $2)`, [EMAIL, new Date(now).toISOString()]);
  const flush = async (rows: Values[]) => {
    const values = rows.map((_, r) => `(${Array.from({ length: 23 }, (_, c) => `$${r * 23 + c + 1}`).join(", ")})`).join(", ");
    await db.query(`INSERT INTO "Generation" (${COLUMNS}) VALUES ${values}`, rows.flat());
  };
  // One transaction per batch, as the hot writer commits: updated rollup rows can be pruned as it goes.
  let batch: Values[] = [];
  for (const row of ledgerRows(now)) {
    batch.push(row);
    if (batch.length === BATCH) (await flush(batch), (batch = []));
  }
  if (batch.length > 0) await flush(batch);
  // What autovacuum does on its own a little later: statistics and the visibility map.
  await db.query("VACUUM ANALYZE");
  await db.end();
  return url;
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
  let t = performance.now();
  process.env.DATABASE_URL = POSTGRES_ADMIN_URL ? await seedPostgres(now, POSTGRES_ADMIN_URL) : await seedSqlite(now);
  const order = RANDOM_ORDER ? "random time order" : "time order";
  console.log(`${POSTGRES_ADMIN_URL ? "Postgres" : "SQLite"}: seeded ${ROWS.toLocaleString("en")} rows in ${order} (rollups kept by the triggers) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const { resolveCliUserId } = await import("../lib/auth/cli-user");
  const { parseUsageQuery } = await import("../lib/usage/query-params");
  const { getUsageSummary } = await import("../lib/usage/summary");
  const { getUsageTimeseries } = await import("../lib/usage/timeseries");
  const { getUsageBreakdown } = await import("../lib/usage/breakdown");
  const { listActivity } = await import("../lib/usage/activity");
  const { queryRows } = await import("../lib/usage/db");
  const { SUMS_COLUMN, planSource, sourceSql } = await import("../lib/usage/usage-source");
  const userId = await resolveCliUserId(EMAIL);

  const year = parseUsageQuery({ range: "year", tz: "Europe/Berlin" });
  t = performance.now();
  await getUsageSummary(userId, year);
  console.log(`first read after the import (summary, year): ${(performance.now() - t).toFixed(1)} ms`);
  const [counts] = await queryRows<Record<string, string>>(
    `SELECT CAST((SELECT COUNT(*) FROM "UsageHourlyRollup") AS TEXT) AS "hourly", CAST((SELECT COUNT(*) FROM "UsageDailyModelRollup") AS TEXT) AS "daily",
       CAST((SELECT COUNT(*) FROM "UsageConversationRollup") AS TEXT) AS "conversation"`,
  );
  console.log(`rollup rows: ${Object.entries(counts).map(([k, v]) => `${Number(v).toLocaleString("en")} ${k}`).join(", ")}\n`);

  const results: [string, number][] = [];
  for (const range of ["year", "month"] as const) {
    const q = parseUsageQuery({ range, tz: "Europe/Berlin" });
    results.push([`summary, ${range}`, await p50(() => getUsageSummary(userId, q))]);
    results.push([`time series by model, ${range}`, await p50(() => getUsageTimeseries(userId, q, { stackBy: "model", top: 6 }))]);
    results.push([`breakdown by model, ${range}`, await p50(() => getUsageBreakdown(userId, q, { groupBy: "model", sort: "cost", dir: "desc" }))]);
  }
  const utcYear = parseUsageQuery({ range: "year" });
  results.push(["activity page 1,000 (50 rows), year", await p50(() => listActivity(userId, utcYear, { limit: 50, page: 1000 }))]);
  results.push(["activity page 1,000, model filter, year", await p50(() => listActivity(userId, parseUsageQuery({ range: "year", model: "openai/model-0" }), { limit: 50, page: 1000 }))]);
  results.push(["breakdown by conversation, month", await p50(() => getUsageBreakdown(userId, parseUsageQuery({ range: "month" }), { groupBy: "conversation", sort: "cost", dir: "desc" }))]);
  results.push([
    "breakdown by conversation, month, status=error",
    await p50(() => getUsageBreakdown(userId, parseUsageQuery({ range: "month", status: "error" }), { groupBy: "conversation", sort: "cost", dir: "desc" })),
  ]);
  results.push(["for comparison: breakdown by conversation, year", await p50(() => getUsageBreakdown(userId, utcYear, { groupBy: "conversation", sort: "cost", dir: "desc" }))]);
  const month = parseUsageQuery({ range: "month" });
  const monthRaw = sourceSql(planSource(userId, month.from, month.to, {}, { rollup: false, daily: false }));
  results.push([
    "for comparison: conversation grouping, month, ledger only",
    await p50(() => queryRows(`SELECT "conversationId" AS "key", ${SUMS_COLUMN} FROM ${monthRaw.sql} GROUP BY "conversationId"`, monthRaw.params)),
  ]);
  const raw = sourceSql(planSource(userId, utcYear.from, utcYear.to, {}, { rollup: false, daily: false }));
  results.push(["for comparison: summary, year, ledger only (no rollup)", await p50(() => queryRows(`SELECT ${SUMS_COLUMN} FROM ${raw.sql}`, raw.params))]);

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
