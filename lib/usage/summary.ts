// Headline numbers for a range: spend, tokens, requests, error rate, TTFT and speed.
import { queryRows } from "./db";
import type { UsageQuery } from "./query-params";
import { SUMS_COLUMN, planSource, readSums, sourceSql, toTotals, type PlanOptions, type SourcePlan, type UsageTotals } from "./usage-source";

export interface UsageSummary extends UsageTotals {
  from: string;
  to: string;
}

export function planUsage(userId: string, query: UsageQuery, options: PlanOptions = { rollup: true, daily: true }): SourcePlan {
  return planSource(userId, query.from, query.to, query.filters, options);
}

export async function getUsageSummary(userId: string, query: UsageQuery): Promise<UsageSummary> {
  const source = sourceSql(planUsage(userId, query));
  const [row] = await queryRows<{ sums: string }>(`SELECT ${SUMS_COLUMN} FROM ${source.sql}`, source.params);
  return { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString(), ...toTotals(readSums(row)) };
}
