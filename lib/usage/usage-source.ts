// The one SQL row source every dashboard aggregate reads: whole sealed days from the daily
// rollup, sealed hours from the hourly rollup, and the unsealed edges (and anything the
// rollups cannot answer) from the ledger.
// Each ledger row is counted exactly once, so totals match the rows to the last picodollar.
import type { UsageFilters } from "./query-params";
import { userCondition } from "./scope";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Per-row measures of a Generation row, in the rollup's column order. */
export const RAW_MEASURES = `
  1 AS requests,
  (status = 'error') AS errors,
  promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico,
  COALESCE(ttftMs, 0) AS ttftSumMs,
  (ttftMs IS NOT NULL) AS ttftCount,
  CASE WHEN status = 'done' AND totalMs > COALESCE(ttftMs, 0) THEN completionTokens ELSE 0 END AS speedTokens,
  CASE WHEN status = 'done' AND totalMs > COALESCE(ttftMs, 0) THEN totalMs - COALESCE(ttftMs, 0) ELSE 0 END AS speedMs,
  cacheWriteTokens, cacheSavingsPico, responseCacheHit AS responseCacheHits`;

/** The rollups' measure columns after requests and errors. */
const MEASURES = `promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico, ttftSumMs, ttftCount, speedTokens, speedMs,
  cacheWriteTokens, cacheSavingsPico, responseCacheHits`;

/** The ledger stores DateTime as Prisma writes it: ISO text with a +00:00 suffix, so text order is time order. */
export function toDbTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export function fromDbTime(text: string | Date): number {
  return text instanceof Date ? text.getTime() : Date.parse(text);
}

export interface PlanOptions {
  /** Read sealed hours from the rollups (false: the ledger only, e.g. minute buckets). */
  rollup: boolean;
  /** The daily per-model rollup may answer (its rows have no status, source or key). */
  daily: boolean;
  /** Bucket starts a daily row must not straddle (time series); none for plain totals. */
  boundaries?: number[];
}

export interface SourcePlan {
  userId: string;
  filters: UsageFilters;
  /** UTC days [start, end) from UsageDailyModelRollup. */
  dayRanges: [number, number][];
  /** UTC hours [start, end) from UsageHourlyRollup. */
  hourRanges: [number, number][];
  /** Instants [from, to) from the ledger itself. */
  rawRanges: [number, number][];
}

/**
 * Splits [from, to) into whole days (daily rollup), whole hours (hourly rollup) and the
 * ragged edges (ledger). A day holding a bucket boundary is read by the hour instead, so
 * every piece falls inside one bucket. Conversation filters need the ledger.
 */
export function planSource(userId: string, from: number, to: number, filters: UsageFilters, sealedUntilHour: number, options: PlanOptions): SourcePlan {
  const plan: SourcePlan = { userId, filters, dayRanges: [], hourRanges: [], rawRanges: [] };
  const h0 = Math.ceil(from / HOUR);
  const h1 = Math.min(Math.floor(to / HOUR), sealedUntilHour);
  if (!options.rollup || filters.conversationId || h1 <= h0) {
    plan.rawRanges.push([from, to]);
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

function filterSql(filters: UsageFilters): Sql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.model) (clauses.push("modelId = ?"), params.push(filters.model));
  if (filters.provider) (clauses.push("provider = ?"), params.push(filters.provider));
  if (filters.status) (clauses.push("status = ?"), params.push(filters.status));
  if (filters.source) (clauses.push("source = ?"), params.push(filters.source));
  if (filters.apiKeyId) (clauses.push("apiKeyId = ?"), params.push(filters.apiKeyId));
  if (filters.conversationId) (clauses.push("conversationId = ?"), params.push(filters.conversationId));
  return { sql: clauses.map((c) => ` AND ${c}`).join(""), params };
}

/**
 * A subquery with columns: t (UTC epoch minute), modelId, provider, source, status,
 * apiKeyId ('' for none), conversationId (NULL from rollups), requests, errors, measures.
 */
export function sourceSql(plan: SourcePlan): Sql {
  const parts: string[] = [];
  const params: unknown[] = [];
  const filters = filterSql(plan.filters);
  const user = userCondition(plan.userId);
  for (const [start, end] of plan.dayRanges) {
    parts.push(
      `SELECT day * 1440 AS t, userId, modelId, provider, NULL AS source, NULL AS status, NULL AS apiKeyId, NULL AS conversationId, requests, errors, ${MEASURES}
       FROM UsageDailyModelRollup WHERE ${user.sql}day >= ? AND day < ?${filters.sql}`,
    );
    params.push(...user.params, start, end, ...filters.params);
  }
  for (const [start, end] of plan.hourRanges) {
    parts.push(
      `SELECT hour * 60 AS t, userId, modelId, provider, source, status, apiKeyId, NULL AS conversationId, requests,
         CASE WHEN status = 'error' THEN requests ELSE 0 END AS errors, ${MEASURES}
       FROM UsageHourlyRollup WHERE ${user.sql}hour >= ? AND hour < ?${filters.sql}`,
    );
    params.push(...user.params, start, end, ...filters.params);
  }
  for (const [from, to] of plan.rawRanges) {
    parts.push(
      `SELECT unixepoch(createdAt) / 60 AS t, userId, modelId, provider, source, status, COALESCE(apiKeyId, '') AS apiKeyId, conversationId, ${RAW_MEASURES}
       FROM Generation WHERE ${user.sql}createdAt >= ? AND createdAt < ?${filters.sql}`,
    );
    params.push(...user.params, toDbTime(from), toDbTime(to), ...filters.params);
  }
  return { sql: `(${parts.join("\nUNION ALL\n")})`, params };
}

/** Sums every measure; money and token totals come back as TEXT so BigInt keeps them exact. */
export const SUM_COLUMNS = `
  CAST(COALESCE(SUM(requests), 0) AS TEXT) AS requests,
  CAST(COALESCE(SUM(errors), 0) AS TEXT) AS errors,
  CAST(COALESCE(SUM(promptTokens), 0) AS TEXT) AS promptTokens,
  CAST(COALESCE(SUM(completionTokens), 0) AS TEXT) AS completionTokens,
  CAST(COALESCE(SUM(reasoningTokens), 0) AS TEXT) AS reasoningTokens,
  CAST(COALESCE(SUM(cachedTokens), 0) AS TEXT) AS cachedTokens,
  CAST(COALESCE(SUM(costPico), 0) AS TEXT) AS costPico,
  CAST(COALESCE(SUM(ttftSumMs), 0) AS TEXT) AS ttftSumMs,
  CAST(COALESCE(SUM(ttftCount), 0) AS TEXT) AS ttftCount,
  CAST(COALESCE(SUM(speedTokens), 0) AS TEXT) AS speedTokens,
  CAST(COALESCE(SUM(speedMs), 0) AS TEXT) AS speedMs,
  CAST(COALESCE(SUM(cacheWriteTokens), 0) AS TEXT) AS cacheWriteTokens,
  CAST(COALESCE(SUM(cacheSavingsPico), 0) AS TEXT) AS cacheSavingsPico,
  CAST(COALESCE(SUM(responseCacheHits), 0) AS TEXT) AS responseCacheHits`;

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

/** Every measure of a SumRow, for code that adds rows up itself. */
export const SUM_KEYS = [
  "requests", "errors", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico",
  "ttftSumMs", "ttftCount", "speedTokens", "speedMs", "cacheWriteTokens", "cacheSavingsPico", "responseCacheHits",
] as const satisfies readonly (keyof SumRow)[];

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
    costPico: BigInt(row?.costPico ?? "0").toString(),
    cacheSavingsPico: BigInt(row?.cacheSavingsPico ?? "0").toString(),
    responseCacheHits: n(row?.responseCacheHits),
    avgTtftMs: ttftCount > 0 ? n(row?.ttftSumMs) / ttftCount : null,
    tokensPerSecond: speedMs > 0 ? (n(row?.speedTokens) * 1000) / speedMs : null,
  };
}
