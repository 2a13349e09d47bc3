// After a restart the in-memory counters are empty while the provider still remembers
// today's calls. The first check of a user's free-tier scope replays the last day's calls
// from the ledger into the counters, so the cap holds across restarts.
import { getDb } from "../db/client";
import type { FreeTierCap } from "./free-tier-caps";

export const DAY_MS = 86_400_000;

export type LoadCallTimes = (userId: string, cap: FreeTierCap, since: number) => Promise<number[]>;

export async function loadFreeTierCallTimes(userId: string, cap: FreeTierCap, since: number): Promise<number[]> {
  const rows = await getDb().generation.findMany({
    where: {
      userId,
      provider: cap.provider,
      createdAt: { gte: new Date(since) },
      upstreamModel: cap.models ? { in: cap.models } : { endsWith: ":free" },
    },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
    // The day cap bounds what matters; a runaway history cannot make this slow.
    take: 10_000,
  });
  return rows.map((row) => row.createdAt.getTime());
}

const globalSeeds = globalThis as unknown as { __switchyardFreeTierSeeds?: Map<string, Promise<void>>; __switchyardFreeTierLoader?: LoadCallTimes };
const seeds = (globalSeeds.__switchyardFreeTierSeeds ??= new Map());
const DONE: Promise<void> = Promise.resolve();

export function getFreeTierHistoryLoader(): LoadCallTimes {
  return globalSeeds.__switchyardFreeTierLoader ?? loadFreeTierCallTimes;
}

/** Where past calls come from (the ledger; tests without a database pass their own). */
export function setFreeTierHistoryLoader(loader: LoadCallTimes | undefined): void {
  globalSeeds.__switchyardFreeTierLoader = loader;
}

/** Runs `replay` once per user and scope; later calls return at once. */
export function seedOnce(userId: string, cap: FreeTierCap, replay: () => Promise<void>): Promise<void> | undefined {
  const id = `${userId}|${cap.scope}`;
  const existing = seeds.get(id);
  if (existing) return existing === DONE ? undefined : existing;
  const pending = replay().then(
    () => {
      seeds.set(id, DONE);
    },
    (error) => {
      // A failed replay must not block calls: count from now on, try again next time.
      seeds.delete(id);
      console.warn(`[limits] could not replay free-tier usage for ${cap.scope}:`, error);
    },
  );
  seeds.set(id, pending);
  return pending;
}

/** Tests start from empty counters. */
export function resetFreeTierSeeds(): void {
  seeds.clear();
}
