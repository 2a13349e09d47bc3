// Seals finished hours of the ledger into UsageHourlyRollup (and whole days into
// UsageDailyModelRollup), on read. An hour is sealed once
// it ended more than SEAL_DELAY ago and no call in or after it is still streaming, so a
// sealed hour can no longer change. Doing this on read keeps the ledger's write path
// untouched and stays correct even when a crash leaves rows for closeInterruptedGenerations.
import { getDb } from "../db/client";
import { queryRows } from "./db";
import { RAW_MEASURES, fromDbTime, toDbTime } from "./usage-source";

const HOUR = 3_600_000;
/** Longer than any call runs before its row is first inserted: rows are written at their createdAt. */
const SEAL_DELAY_MS = 15 * 60_000;
/** Hours per transaction, so a first seal over a year never holds the write lock for long. */
const CHUNK_HOURS = 24 * 14;

const globalRollup = globalThis as unknown as { __switchyardSealing?: Promise<number> | null };

/** Seals what can be sealed and returns the first hour not in the rollup. Concurrent callers share one run. */
export function ensureRollupsSealed(now = Date.now()): Promise<number> {
  globalRollup.__switchyardSealing ??= sealUpTo(now).finally(() => {
    globalRollup.__switchyardSealing = null;
  });
  return globalRollup.__switchyardSealing;
}

async function sealUpTo(now: number): Promise<number> {
  const [state] = await queryRows<{ sealedUntilHour: number | bigint }>(`SELECT sealedUntilHour FROM UsageRollupState WHERE id = 1`);
  let sealed = state ? Number(state.sealedUntilHour) : null;

  let upper = Math.floor((now - SEAL_DELAY_MS) / HOUR);
  const [streaming] = await queryRows<{ first: string | null }>(`SELECT MIN(createdAt) AS first FROM Generation WHERE status = 'streaming'`);
  if (streaming?.first) upper = Math.min(upper, Math.floor(fromDbTime(streaming.first) / HOUR));

  if (sealed === null) {
    const [oldest] = await queryRows<{ first: string | null }>(`SELECT MIN(createdAt) AS first FROM Generation`);
    if (!oldest?.first) return 0;
    sealed = Math.floor(fromDbTime(oldest.first) / HOUR);
  }
  while (sealed < upper) {
    const end = Math.min(upper, sealed + CHUNK_HOURS);
    await sealHours(sealed, end);
    sealed = end;
  }
  return sealed;
}

/** Replaces hours [start, end) of the rollup; idempotent, so a race only repeats work. */
async function sealHours(start: number, end: number): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM UsageHourlyRollup WHERE hour >= ? AND hour < ?`, start, end),
    db.$executeRawUnsafe(
      `INSERT INTO UsageHourlyRollup (userId, hour, modelId, provider, source, status, apiKeyId,
         requests, promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico, ttftSumMs, ttftCount, speedTokens, speedMs,
         cacheWriteTokens, cacheSavingsPico, responseCacheHits)
       SELECT userId, t / 60, modelId, provider, source, status, apiKeyId,
         SUM(requests), SUM(promptTokens), SUM(completionTokens), SUM(reasoningTokens), SUM(cachedTokens), SUM(costPico),
         SUM(ttftSumMs), SUM(ttftCount), SUM(speedTokens), SUM(speedMs),
         SUM(cacheWriteTokens), SUM(cacheSavingsPico), SUM(responseCacheHits)
       FROM (SELECT userId, unixepoch(createdAt) / 60 AS t, modelId, provider, source, status, COALESCE(apiKeyId, '') AS apiKeyId, ${RAW_MEASURES}
             FROM Generation WHERE createdAt >= ? AND createdAt < ?)
       GROUP BY userId, t / 60, modelId, provider, source, status, apiKeyId`,
      toDbTime(start * HOUR),
      toDbTime(end * HOUR),
    ),
    // Whole days now sealed are rebuilt from their hours (a day may have been half sealed before).
    db.$executeRawUnsafe(`DELETE FROM UsageDailyModelRollup WHERE day >= ? AND day < ?`, Math.floor(start / 24), Math.floor(end / 24)),
    db.$executeRawUnsafe(
      `INSERT INTO UsageDailyModelRollup (userId, day, modelId, provider,
         requests, errors, promptTokens, completionTokens, reasoningTokens, cachedTokens, costPico, ttftSumMs, ttftCount, speedTokens, speedMs,
         cacheWriteTokens, cacheSavingsPico, responseCacheHits)
       SELECT userId, hour / 24, modelId, provider,
         SUM(requests), SUM(CASE WHEN status = 'error' THEN requests ELSE 0 END), SUM(promptTokens), SUM(completionTokens),
         SUM(reasoningTokens), SUM(cachedTokens), SUM(costPico), SUM(ttftSumMs), SUM(ttftCount), SUM(speedTokens), SUM(speedMs),
         SUM(cacheWriteTokens), SUM(cacheSavingsPico), SUM(responseCacheHits)
       FROM UsageHourlyRollup WHERE hour >= ? AND hour < ?
       GROUP BY userId, hour / 24, modelId, provider`,
      Math.floor(start / 24) * 24,
      Math.floor(end / 24) * 24,
    ),
    db.$executeRawUnsafe(`INSERT INTO UsageRollupState (id, sealedUntilHour) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET sealedUntilHour = excluded.sealedUntilHour`, end),
  ]);
}

/** Drops the rollup so the next read rebuilds it: for imports or backfills of past rows. */
export async function rebuildUsageRollups(): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM UsageHourlyRollup`),
    db.$executeRawUnsafe(`DELETE FROM UsageDailyModelRollup`),
    db.$executeRawUnsafe(`DELETE FROM UsageRollupState`),
  ]);
}
