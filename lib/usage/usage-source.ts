// The one SQL row source every dashboard aggregate reads: sealed hours from the hourly
// rollup plus the unsealed edges (and anything the rollup cannot answer) from the ledger.
// Each ledger row is counted exactly once, so totals match the rows to the last picodollar.
import type { UsageFilters } from "./query-params";

const HOUR = 3_600_000;

/** Per-row measures of a Generation row, in the rollup's column order. */
export const RAW_MEASURES = `
  1 AS requests,
  promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico,
  COALESCE(ttftMs, 0) AS ttftSumMs,
  (ttftMs IS NOT NULL) AS ttftCount,
  CASE WHEN status = 'done' AND totalMs > COALESCE(ttftMs, 0) THEN completionTokens ELSE 0 END AS speedTokens,
  CASE WHEN status = 'done' AND totalMs > COALESCE(ttftMs, 0) THEN totalMs - COALESCE(ttftMs, 0) ELSE 0 END AS speedMs`;

const ROLLUP_MEASURES = `requests, promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico, ttftSumMs, ttftCount, speedTokens, speedMs`;

/** The ledger stores DateTime as Prisma writes it: ISO text with a +00:00 suffix, so text order is time order. */
export function toDbTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export function fromDbTime(text: string | Date): number {
  return text instanceof Date ? text.getTime() : Date.parse(text);
}

export interface SourcePlan {
  userId: string;
  from: number;
  to: number;
  filters: UsageFilters;
  /** Hours [start, end) read from the rollup; null when the rollup cannot answer this query. */
  rollupHours: [number, number] | null;
  /** Instant ranges [from, to) read from the ledger itself. */
  rawRanges: [number, number][];
}

/**
 * Splits [from, to) into rollup hours and raw edges. The rollup is skipped when a filter or
 * grouping needs a column it does not keep (conversation) or buckets finer than an hour.
 */
export function planSource(userId: string, from: number, to: number, filters: UsageFilters, sealedUntilHour: number, useRollup: boolean): SourcePlan {
  const firstHour = Math.ceil(from / HOUR);
  const lastHour = Math.min(Math.floor(to / HOUR), sealedUntilHour);
  if (!useRollup || filters.conversationId || lastHour <= firstHour) {
    return { userId, from, to, filters, rollupHours: null, rawRanges: [[from, to]] };
  }
  const rawRanges: [number, number][] = [];
  if (from < firstHour * HOUR) rawRanges.push([from, firstHour * HOUR]);
  if (lastHour * HOUR < to) rawRanges.push([lastHour * HOUR, to]);
  return { userId, from, to, filters, rollupHours: [firstHour, lastHour], rawRanges };
}

interface Sql {
  sql: string;
  params: unknown[];
}

function filterSql(filters: UsageFilters, apiKeyColumn: string): Sql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.model) (clauses.push("modelId = ?"), params.push(filters.model));
  if (filters.provider) (clauses.push("provider = ?"), params.push(filters.provider));
  if (filters.status) (clauses.push("status = ?"), params.push(filters.status));
  if (filters.source) (clauses.push("source = ?"), params.push(filters.source));
  if (filters.apiKeyId) (clauses.push(`${apiKeyColumn} = ?`), params.push(filters.apiKeyId));
  if (filters.conversationId) (clauses.push("conversationId = ?"), params.push(filters.conversationId));
  return { sql: clauses.map((c) => ` AND ${c}`).join(""), params };
}

/**
 * A subquery with columns: t (UTC epoch minute), modelId, provider, source, status,
 * apiKeyId ('' for none), conversationId (NULL from the rollup), then the measures.
 */
export function sourceSql(plan: SourcePlan): Sql {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (plan.rollupHours) {
    const filters = filterSql(plan.filters, "apiKeyId");
    parts.push(
      `SELECT hour * 60 AS t, modelId, provider, source, status, apiKeyId, NULL AS conversationId, ${ROLLUP_MEASURES}
       FROM UsageHourlyRollup WHERE userId = ? AND hour >= ? AND hour < ?${filters.sql}`,
    );
    params.push(plan.userId, plan.rollupHours[0], plan.rollupHours[1], ...filters.params);
  }
  for (const [from, to] of plan.rawRanges) {
    const filters = filterSql(plan.filters, "apiKeyId");
    parts.push(
      `SELECT unixepoch(createdAt) / 60 AS t, modelId, provider, source, status, COALESCE(apiKeyId, '') AS apiKeyId, conversationId, ${RAW_MEASURES}
       FROM Generation WHERE userId = ? AND createdAt >= ? AND createdAt < ?${filters.sql}`,
    );
    params.push(plan.userId, toDbTime(from), toDbTime(to), ...filters.params);
  }
  return { sql: `(${parts.join("\nUNION ALL\n")})`, params };
}

/** Sums every measure; money and token totals come back as TEXT so BigInt keeps them exact. */
export const SUM_COLUMNS = `
  CAST(COALESCE(SUM(requests), 0) AS TEXT) AS requests,
  CAST(COALESCE(SUM(CASE WHEN status = 'error' THEN requests ELSE 0 END), 0) AS TEXT) AS errors,
  CAST(COALESCE(SUM(promptTokens), 0) AS TEXT) AS promptTokens,
  CAST(COALESCE(SUM(completionTokens), 0) AS TEXT) AS completionTokens,
  CAST(COALESCE(SUM(reasoningTokens), 0) AS TEXT) AS reasoningTokens,
  CAST(COALESCE(SUM(cachedTokens), 0) AS TEXT) AS cachedTokens,
  CAST(COALESCE(SUM(costPico), 0) AS TEXT) AS costPico,
  CAST(COALESCE(SUM(ttftSumMs), 0) AS TEXT) AS ttftSumMs,
  CAST(COALESCE(SUM(ttftCount), 0) AS TEXT) AS ttftCount,
  CAST(COALESCE(SUM(speedTokens), 0) AS TEXT) AS speedTokens,
  CAST(COALESCE(SUM(speedMs), 0) AS TEXT) AS speedMs`;

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
}

export interface UsageTotals {
  requests: number;
  errors: number;
  errorRate: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  /** Picodollars as a decimal string (exact). */
  costPico: string;
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
    costPico: BigInt(row?.costPico ?? "0").toString(),
    avgTtftMs: ttftCount > 0 ? n(row?.ttftSumMs) / ttftCount : null,
    tokensPerSecond: speedMs > 0 ? (n(row?.speedTokens) * 1000) / speedMs : null,
  };
}
