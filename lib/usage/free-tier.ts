// Free-tier quota left, counted from the ledger: requests in the last minute and since the
// provider's daily reset, for each free model used today (limits from lib/providers/presets).
import { PROVIDER_PRESETS, type FreeTier } from "../providers/presets";
import { queryRows } from "./db";
import { localParts, startOfLocalDate } from "./time-zone";
import { fromDbTime, toDbTime } from "./usage-source";

/** Where a provider's daily quota resets: OpenRouter at 00:00 UTC, Gemini at midnight Pacific. */
const DAILY_RESET_TZ: Record<string, string> = { gemini: "America/Los_Angeles" };

export interface FreeTierWindow {
  limit: number;
  used: number;
  remaining: number;
  resetsAt: string;
}

export interface FreeTierModel {
  provider: string;
  providerLabel: string;
  modelId: string;
  upstreamModel: string;
  minute: FreeTierWindow;
  day: FreeTierWindow;
}

export interface FreeTierStatus {
  models: FreeTierModel[];
  /** The limits that apply, for an empty state that still explains them. */
  limits: { provider: string; providerLabel: string; appliesTo: string; requestsPerMinute: number; requestsPerDay: number }[];
}

function appliesToText(tier: FreeTier): string {
  return tier.appliesTo === "free-suffix" ? "models ending in :free" : (tier.models ?? []).join(", ");
}

function matchSql(provider: string, tier: FreeTier): { sql: string; params: unknown[] } {
  if (tier.appliesTo === "free-suffix") return { sql: `("provider" = ? AND "upstreamModel" LIKE '%:free')`, params: [provider] };
  const names = (tier.models ?? []).flatMap((m) => [m, `models/${m}`]);
  if (names.length === 0) return { sql: "1 = 0", params: [] };
  return { sql: `("provider" = ? AND "upstreamModel" IN (${names.map(() => "?").join(", ")}))`, params: [provider, ...names] };
}

export async function getFreeTierStatus(userId: string, now = Date.now()): Promise<FreeTierStatus> {
  const tiers = PROVIDER_PRESETS.filter((p) => p.freeTier).map((p) => ({ preset: p, tier: p.freeTier! }));
  const models: FreeTierModel[] = [];
  for (const { preset, tier } of tiers) {
    const tz = DAILY_RESET_TZ[preset.id] ?? "UTC";
    const today = localParts(now, tz);
    const dayStart = startOfLocalDate(today.year, today.month, today.day, tz);
    const dayEnd = startOfLocalDate(today.year, today.month, today.day + 1, tz);
    const minuteAgo = now - 60_000;
    const match = matchSql(preset.id, tier);
    const rows = await queryRows<{ modelId: string; upstreamModel: string; day: number | bigint; minute: number | bigint; oldestInMinute: string | Date | null }>(
      `SELECT MIN("modelId") AS "modelId", "upstreamModel", COUNT(*) AS "day",
         SUM(CASE WHEN "createdAt" >= ? THEN 1 ELSE 0 END) AS "minute",
         MIN(CASE WHEN "createdAt" >= ? THEN "createdAt" END) AS "oldestInMinute"
       FROM "Generation" WHERE "userId" = ? AND "createdAt" >= ? AND "createdAt" <= ? AND ${match.sql}
       GROUP BY "upstreamModel" ORDER BY "upstreamModel"`,
      [toDbTime(minuteAgo), toDbTime(minuteAgo), userId, toDbTime(Math.min(dayStart, minuteAgo)), toDbTime(now), ...match.params],
    );
    for (const row of rows) {
      const minuteUsed = Number(row.minute);
      // The day count is since the reset; the minute window may reach back across it.
      const [dayRow] = await queryRows<{ n: number | bigint }>(
        `SELECT COUNT(*) AS n FROM "Generation" WHERE "userId" = ? AND "provider" = ? AND "upstreamModel" = ? AND "createdAt" >= ? AND "createdAt" <= ?`,
        [userId, preset.id, row.upstreamModel, toDbTime(dayStart), toDbTime(now)],
      );
      const dayUsed = Number(dayRow?.n ?? 0);
      if (dayUsed === 0 && minuteUsed === 0) continue;
      const oldest = row.oldestInMinute ? fromDbTime(row.oldestInMinute) : now;
      models.push({
        provider: preset.id,
        providerLabel: preset.label,
        modelId: row.modelId,
        upstreamModel: row.upstreamModel,
        minute: window(tier.requestsPerMinute, minuteUsed, oldest + 60_000),
        day: window(tier.requestsPerDay, dayUsed, dayEnd),
      });
    }
  }
  return {
    models,
    limits: tiers.map(({ preset, tier }) => ({ provider: preset.id, providerLabel: preset.label, appliesTo: appliesToText(tier), requestsPerMinute: tier.requestsPerMinute, requestsPerDay: tier.requestsPerDay })),
  };
}

function window(limit: number, used: number, resetsAt: number): FreeTierWindow {
  return { limit, used, remaining: Math.max(0, limit - used), resetsAt: new Date(resetsAt).toISOString() };
}
