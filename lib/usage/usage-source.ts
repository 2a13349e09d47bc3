// The one SQL row source every dashboard aggregate reads: whole days from the daily
// rollup, whole hours from the hourly rollup, and the ragged edges (and anything the
// rollups cannot answer) from the ledger. Triggers keep the rollups equal to the ledger
// (lib/db/usage-rollup-triggers.ts), so each ledger row is counted exactly once and totals
// match the rows to the last picodollar. The SQL runs on SQLite and Postgres alike.
import { epochSecondsSql } from "../db/sql-dialect";
import { OPEN_STATUS, ledgerMeasuresSql } from "../db/usage-rollup-triggers";
import { getDialect } from "../db/client";
import { dbTime } from "../db/db-time";
import type { UsageFilters } from "./query-params";
import { userCondition } from "./scope";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The rollups' measure columns after requests and errors. */
const MEASURES = `"promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftSumMs", "ttftCount", "speedTokens", "speedMs",
  "cacheWriteTokens", "cacheSavingsPico", "responseCacheHits"`;

export interface PlanOptions {
  /** Read whole hours from the rollups (false: the ledger only, e.g. minute buckets). */
  rollup: boolean;
  /** The daily per-model rollup may answer (its rows have no status, source or key). */
  daily: boolean;
  /** Bucket starts a daily row must not straddle (time series); none for plain totals. */
  boundaries?: number[];
  /** Rows keep their conversation: whole days come from the per-conversation rollup. */
  conversations?: boolean;
}

export interface SourcePlan {
  userId: string;
  filters: UsageFilters;
  /** UTC days [start, end) from UsageDailyModelRollup. */
  dayRanges: [number, number][];
  /** UTC hours [start, end) from UsageHourlyRollup. */
  hourRanges: [number, number][];
  /** UTC days [start, end) from UsageConversationRollup. */
  conversationDayRanges: [number, number][];
  /** Instants [from, to) from the ledger itself. */
  rawRanges: [number, number][];
}

/**
 * Splits [from, to) into whole days (daily rollup), whole hours (hourly rollup) and the
 * ragged edges (ledger). A day holding a bucket boundary is read by the hour instead, so
 * every piece falls inside one bucket. A filter on one conversation reads the ledger (its
 * index finds that conversation's rows); rows that must keep their conversation read whole
 * days from the per-conversation rollup and the edges from the ledger.
 */
export function planSource(userId: string, from: number, to: number, filters: UsageFilters, options: PlanOptions): SourcePlan {
  const plan: SourcePlan = { userId, filters, dayRanges: [], hourRanges: [], conversationDayRanges: [], rawRanges: [] };
  const h0 = Math.ceil(from / HOUR);
  const h1 = Math.floor(to / HOUR);
  if (!options.rollup || filters.conversationId || h1 <= h0) {
    plan.rawRanges.push([from, to]);
    return plan;
  }
  if (options.conversations) {
    const d0 = Math.ceil(from / DAY);
    const d1 = Math.floor(to / DAY);
    if (d1 <= d0) plan.rawRanges.push([from, to]);
    else {
      addRange(plan.rawRanges, from, d0 * DAY);
      addRange(plan.conversationDayRanges, d0, d1);
      addRange(plan.rawRanges, d1 * DAY, to);
    }
    return plan;
  }
  if (from < h0 * HOUR) plan.rawRanges.push([from, h0 * HOUR]);
  if (h1 * HOUR < to) plan.rawRanges.push([h1 * HOUR, to]);

  const daily = options.daily && !filters.status && !filters.source && !filters.apiKeyId;
  const d0 = Math.ceil(h0 / 24);
  const d1 = Math.floor(h1 / 24);
  if (!daily || d1 <= d0) {
    plan.hourRanges.push([h0, h1]);
    return plan;
  }
  const split = new Set((options.boundaries ?? []).filter((b) => b % DAY !== 0).map((b) => Math.floor(b / DAY)));
  addRange(plan.hourRanges, h0, d0 * 24);
  for (let d = d0; d < d1; d++) {
    if (split.has(d)) addRange(plan.hourRanges, d * 24, d * 24 + 24);
    else addRange(plan.dayRanges, d, d + 1);
  }
  addRange(plan.hourRanges, d1 * 24, h1);
  return plan;
}

/** Appends [start, end), merging with the last range when they touch. */
function addRange(ranges: [number, number][], start: number, end: number): void {
  if (end <= start) return;
  const last = ranges[ranges.length - 1];
  if (last && last[1] === start) last[1] = end;
  else ranges.push([start, end]);
}

interface Sql {
  sql: string;
  params: unknown[];
}

const FILTER_COLUMNS = [
  ["model", "modelId"],
  ["provider", "provider"],
  ["status", "status"],
  ["source", "source"],
  ["apiKeyId", "apiKeyId"],
  ["conversationId", "conversationId"],
] as const;

function filterSql(filters: UsageFilters): Sql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [filter, column] of FILTER_COLUMNS) {
    const value = filters[filter];
    if (value) (clauses.push(`"${column}" = ?`), params.push(value));
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(""), params };
}

/**
 * A subquery with columns: t (UTC epoch minute), modelId, provider, source, status,
 * apiKeyId ('' for none), conversationId (NULL from rollups), requests, errors, measures.
 * One SELECT per range, each an index seek. (Ranges OR'ed in one SELECT per tier plan faster
 * on Postgres, but SQLite then scans every rollup row of the user: 5 s instead of 0.1 s.)
 */
export function sourceSql(plan: SourcePlan): Sql {
  const parts: string[] = [];
  const params: unknown[] = [];
  const filters = filterSql(plan.filters);
  const user = userCondition(plan.userId);
  const tier = (select: string, from: string, column: string, ranges: [unknown, unknown][], only = "") => {
    for (const [start, end] of ranges) {
      parts.push(`SELECT ${select} FROM ${from} WHERE ${only}${user.sql}${column} >= ? AND ${column} < ?${filters.sql}`);
      params.push(...user.params, start, end, ...filters.params);
    }
  };
  const errors = `CASE WHEN "status" = 'error' THEN "requests" ELSE 0 END AS "errors"`;
  tier(
    `"day" * 1440 AS t, "userId", "modelId", "provider", NULL AS "source", NULL AS "status", NULL AS "apiKeyId", NULL AS "conversationId", "requests", "errors", ${MEASURES}`,
    `"UsageDailyModelRollup"`,
    `"day"`,
    plan.dayRanges,
  );
  tier(`"hour" * 60 AS t, "userId", "modelId", "provider", "source", "status", "apiKeyId", NULL AS "conversationId", "requests", ${errors}, ${MEASURES}`, `"UsageHourlyRollup"`, `"hour"`, plan.hourRanges);
  tier(
    `"day" * 1440 AS t, "userId", "modelId", "provider", "source", "status", "apiKeyId", NULLIF("conversationId", '') AS "conversationId", "requests", ${errors}, ${MEASURES}`,
    `"UsageConversationRollup"`,
    `"day"`,
    plan.conversationDayRanges,
  );
  const ledgerColumns = `${epochSecondsSql(`g."createdAt"`, getDialect())} / 60 AS t, "userId", "modelId", "provider", "source", "status", COALESCE("apiKeyId", '') AS "apiKeyId", "conversationId", ${ledgerMeasuresSql("g")}`;
  tier(ledgerColumns, `"Generation" g`, `"createdAt"`, plan.rawRanges.map(([from, to]) => [dbTime(from), dbTime(to)]));
  // Rows still streaming are not in the rollups yet (lib/db/usage-rollup-triggers.ts): the
  // span the rollups cover reads them from the ledger (an index seek on status and time).
  const span = rollupSpan(plan);
  if (span) tier(ledgerColumns, `"Generation" g`, `"createdAt"`, [[dbTime(span[0]), dbTime(span[1])]], `"status" = '${OPEN_STATUS}' AND `);
  return { sql: `(${parts.join("\nUNION ALL\n")}) AS source`, params };
}

/** [from, to) in ms that the plan's rollup tiers cover together (they are contiguous), or null. */
function rollupSpan(plan: SourcePlan): [number, number] | null {
  const spans = [
    ...plan.dayRanges.map(([a, b]) => [a * DAY, b * DAY]),
    ...plan.conversationDayRanges.map(([a, b]) => [a * DAY, b * DAY]),
    ...plan.hourRanges.map(([a, b]) => [a * HOUR, b * HOUR]),
  ];
  if (spans.length === 0) return null;
  return [Math.min(...spans.map(([a]) => a)), Math.max(...spans.map(([, b]) => b))];
}

export const SUMMED = [
  "requests", "errors", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico",
  "ttftSumMs", "ttftCount", "speedTokens", "speedMs", "cacheWriteTokens", "cacheSavingsPico", "responseCacheHits",
] as const satisfies readonly (keyof SumRow)[];

/**
 * Sums every measure into one TEXT column "sums" ("requests,errors,…" in SUMMED order): money
 * and token totals stay exact as decimal text, and a grouping with thousands of rows (by
 * conversation) costs the driver one value per row instead of fourteen. Read with readSums.
 */
export const SUMS_COLUMN = `${SUMMED.map((m) => `CAST(COALESCE(SUM("${m}"), 0) AS TEXT)`).join(" || ',' || ")} AS "sums"`;

export function readSums(row: { sums: string } | undefined): SumRow {
  // Spelled out: this runs once per group, and a breakdown can have tens of thousands.
  const [requests, errors, promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico, ttftSumMs, ttftCount, speedTokens, speedMs, cacheWriteTokens, cacheSavingsPico, responseCacheHits] =
    row ? row.sums.split(",") : NO_SUMS;
  return { requests, errors, promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico, ttftSumMs, ttftCount, speedTokens, speedMs, cacheWriteTokens, cacheSavingsPico, responseCacheHits };
}

const NO_SUMS = SUMMED.map(() => "0");

export interface SumRow {
  requests: string;
  errors: string;
  promptTokens: string;
  completionTokens: string;
  reasoningTokens: string;
  cachedTokens: string;
  costPico: string;
  ttftSumMs: string;
  ttftCount: string;
  speedTokens: string;
  speedMs: string;
  cacheWriteTokens: string;
  cacheSavingsPico: string;
  responseCacheHits: string;
}

export interface UsageTotals {
  requests: number;
  errors: number;
  errorRate: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  /** Picodollars as a decimal string (exact). */
  costPico: string;
  /** What caching saved, picodollars (exact): prompt-cache reads at the prompt price minus
   * their cost, plus what answers served from the response cache cost when first made. */
  cacheSavingsPico: string;
  /** Answers served from Switchyard's response cache. */
  responseCacheHits: number;
  avgTtftMs: number | null;
  tokensPerSecond: number | null;
}

export function toTotals(row: SumRow | undefined): UsageTotals {
  const n = (v: string | undefined) => Number(v ?? 0);
  const requests = n(row?.requests);
  const errors = n(row?.errors);
  const ttftCount = n(row?.ttftCount);
  const speedMs = n(row?.speedMs);
  return {
    requests,
    errors,
    errorRate: requests > 0 ? errors / requests : 0,
    promptTokens: n(row?.promptTokens),
    completionTokens: n(row?.completionTokens),
    reasoningTokens: n(row?.reasoningTokens),
    cachedTokens: n(row?.cachedTokens),
    cacheWriteTokens: n(row?.cacheWriteTokens),
    // Already an integer's decimal text (CAST of an exact sum).
    costPico: row?.costPico ?? "0",
    cacheSavingsPico: row?.cacheSavingsPico ?? "0",
    responseCacheHits: n(row?.responseCacheHits),
    avgTtftMs: ttftCount > 0 ? n(row?.ttftSumMs) / ttftCount : null,
    tokensPerSecond: speedMs > 0 ? (n(row?.speedTokens) * 1000) / speedMs : null,
  };
}
