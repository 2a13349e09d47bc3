// What GET /api/v1/key reports: spend today, this week, this month and in total (UTC
// periods, as the credit limits use), and what is left of the limit right now.
import type { ApiKeyContext } from "./api-keys";
import { getDb } from "../db/client";
import { startOfUtcDay, startOfUtcMonth, startOfUtcWeek } from "../limits/credit-period";
import { getAdmissionStore } from "../limits/admission-store";

export interface KeyUsage {
  usageTodayPico: bigint;
  usageWeekPico: bigint;
  usageMonthPico: bigint;
  usageTotalPico: bigint;
  limitPico: bigint | null;
  /** Limit minus this period's spend and the worst case of calls in flight; never negative. */
  remainingPico: bigint | null;
  rateLimits: { rpm: number | null; rpd: number | null; tpm: number | null };
}

export async function describeKeyUsage(key: ApiKeyContext): Promise<KeyUsage> {
  const now = Date.now();
  const since = (start: number) => sumSince(key.id, start);
  const [usageTodayPico, usageWeekPico, usageMonthPico, usageTotalPico] = await Promise.all([
    since(startOfUtcDay(now)),
    since(startOfUtcWeek(now)),
    since(startOfUtcMonth(now)),
    since(0),
  ]);
  let remainingPico: bigint | null = null;
  if (key.creditLimitPico !== null) {
    // The tracker, not the ledger: it already holds settled calls whose rows are still being written.
    const state = await getAdmissionStore().spend("credit", key.id, key.creditReset, now);
    const left = key.creditLimitPico - state.spentPico - state.reservedPico;
    remainingPico = left > 0n ? left : 0n;
  }
  return {
    usageTodayPico,
    usageWeekPico,
    usageMonthPico,
    usageTotalPico,
    limitPico: key.creditLimitPico,
    remainingPico,
    rateLimits: { rpm: key.rpm, rpd: key.rpd, tpm: key.tpm },
  };
}

async function sumSince(apiKeyId: string, start: number): Promise<bigint> {
  const result = await getDb().generation.aggregate({ _sum: { costPico: true }, where: { apiKeyId, createdAt: { gte: new Date(start) } } });
  return result._sum.costPico ?? 0n;
}
