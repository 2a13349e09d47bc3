// After a restart the in-memory counters are empty while the ledger remembers the calls:
// the first check of a key (rpm, rpd, tpm) or of a user's free-tier scope replays the last
// day's calls from the ledger into the counters, so limits hold across restarts. A shared
// store (Redis) keeps its counters itself and needs no replay.
import { getDb } from "../db/client";
import { processSingleton } from "../process-singleton";
import type { FreeTierCap } from "./free-tier-cap";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** One past call: when it was made and the tokens it used. */
export interface PastCall {
  at: number;
  tokens: number;
}

export interface HistoryLoaders {
  freeTier(userId: string, cap: FreeTierCap, since: number): Promise<PastCall[]>;
  key(keyId: string, since: number): Promise<PastCall[]>;
}

// The day caps bound what matters; a runaway history cannot make this slow.
const MAX_ROWS = 20_000;

const toCalls = (rows: { createdAt: Date; promptTokens: number; completionTokens: number }[]) =>
  rows.map((row) => ({ at: row.createdAt.getTime(), tokens: row.promptTokens + row.completionTokens }));

const select = { createdAt: true, promptTokens: true, completionTokens: true } as const;

export const LEDGER_HISTORY: HistoryLoaders = {
  async freeTier(userId, cap, since) {
    const rows = await getDb().generation.findMany({
      where: { userId, provider: cap.provider, createdAt: { gte: new Date(since) }, upstreamModel: cap.models ? { in: cap.models } : { endsWith: ":free" } },
      select,
      orderBy: { createdAt: "desc" },
      take: MAX_ROWS,
    });
    return toCalls(rows);
  },
  async key(keyId, since) {
    const rows = await getDb().generation.findMany({ where: { apiKeyId: keyId, createdAt: { gte: new Date(since) } }, select, orderBy: { createdAt: "desc" }, take: MAX_ROWS });
    return toCalls(rows);
  },
};

interface SeedState {
  loaders: HistoryLoaders;
  seeds: Map<string, Promise<void> | "done">;
}

const state = () => processSingleton<SeedState>("window-seeds", () => ({ loaders: LEDGER_HISTORY, seeds: new Map() }));

export function historyLoaders(): HistoryLoaders {
  return state().loaders;
}

/** Where past calls come from (the ledger; unit tests without a database pass their own). */
export function setHistoryLoaders(loaders: HistoryLoaders): void {
  state().loaders = loaders;
  state().seeds.clear();
}

/** Runs `replay` once per id; later calls return at once (undefined: nothing to wait for). */
export function seedOnce(id: string, replay: () => Promise<void>): Promise<void> | undefined {
  const { seeds } = state();
  const existing = seeds.get(id);
  if (existing === "done") return undefined;
  if (existing) return existing;
  const pending = replay().then(
    () => {
      seeds.set(id, "done");
    },
    (error) => {
      // A failed replay must not block calls: count from now on, try again next time.
      seeds.delete(id);
      console.warn(`[limits] could not replay past usage for ${id}:`, error);
    },
  );
  seeds.set(id, pending);
  return pending;
}
