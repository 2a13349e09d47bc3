// Spend per key and credit period: loaded once from the ledger, then kept in memory.
// Reservations (worst case of calls in flight) and settled costs change it synchronously,
// so a check and its reservation can never be split by another request.
import { getDb } from "../db/client";
import type { MaybePromise } from "../maybe-promise";
import { processSingleton, setProcessSingleton } from "../process-singleton";
import { creditPeriod, type CreditReset } from "./credit-period";

export interface CreditState {
  keyId: string;
  start: number;
  end: number;
  /** Settled cost in this period: the ledger when loaded, plus every settle since. */
  spentPico: bigint;
  /** Worst-case cost of admitted calls not settled yet. */
  reservedPico: bigint;
}

export type LoadSpent = (keyId: string, since: number) => Promise<bigint>;

export async function loadSpentFromLedger(keyId: string, since: number): Promise<bigint> {
  const result = await getDb().generation.aggregate({ _sum: { costPico: true }, where: { apiKeyId: keyId, createdAt: { gte: new Date(since) } } });
  return result._sum.costPico ?? 0n;
}

export class CreditTracker {
  private readonly states = new Map<string, CreditState>();
  private readonly loading = new Map<string, Promise<CreditState>>();
  /** Forgotten while calls were in flight: reloaded once they have settled. */
  private readonly stale = new Set<string>();

  constructor(private readonly loadSpent: LoadSpent = loadSpentFromLedger) {}

  /** The state of the period holding `now`, without waiting when it is already loaded. */
  current(keyId: string, reset: CreditReset, now: number): MaybePromise<CreditState> {
    const period = creditPeriod(reset, now);
    const state = this.states.get(keyId);
    if (state && this.stale.has(keyId) && state.reservedPico === 0n) {
      this.stale.delete(keyId);
      this.states.delete(keyId);
    } else if (state && state.start === period.start) return state;
    const loadKey = `${keyId}@${period.start}`;
    let pending = this.loading.get(loadKey);
    if (!pending) {
      pending = this.loadSpent(keyId, period.start).then(
        (spentPico) => {
          this.loading.delete(loadKey);
          const existing = this.states.get(keyId);
          // Another load for a later period finished first: keep the newer one.
          if (existing && existing.start > period.start) return existing;
          const loaded: CreditState = { keyId, start: period.start, end: period.end, spentPico, reservedPico: 0n };
          this.states.set(keyId, loaded);
          return loaded;
        },
        (error) => {
          this.loading.delete(loadKey);
          throw error;
        },
      );
      this.loading.set(loadKey, pending);
    }
    return pending;
  }

  /** Reserves `amount` if it fits under `limit`; otherwise returns what is left. */
  reserve(state: CreditState, limit: bigint, amount: bigint): { ok: true } | { ok: false; leftPico: bigint } {
    const committed = state.spentPico + state.reservedPico;
    if (committed + amount > limit) return { ok: false, leftPico: limit > committed ? limit - committed : 0n };
    state.reservedPico += amount;
    return { ok: true };
  }

  settle(state: CreditState, reservedPico: bigint, actualPico: bigint): void {
    state.reservedPico -= reservedPico;
    state.spentPico += actualPico;
  }

  release(state: CreditState, reservedPico: bigint): void {
    state.reservedPico -= reservedPico;
  }

  /** What is held right now (for metrics): how many keys or users have a reservation, and its total. */
  reservations(): { holders: number; reservedPico: bigint } {
    let holders = 0;
    let reservedPico = 0n;
    for (const state of this.states.values()) {
      if (state.reservedPico === 0n) continue;
      holders += 1;
      reservedPico += state.reservedPico;
    }
    return { holders, reservedPico };
  }

  /**
   * Forgets a key or user (revoked, budget changed): the next use reloads the spend from the
   * ledger. Calls still in flight keep their reservations: the state stays until they settle.
   */
  forget(id: string): void {
    const state = this.states.get(id);
    if (!state || state.reservedPico === 0n) this.states.delete(id);
    else this.stale.add(id);
  }
}

/** One tracker per process: every Next route bundle must see the same totals. */
export function getCreditTracker(): CreditTracker {
  return processSingleton("credit-tracker", () => new CreditTracker());
}

export function setCreditTracker(tracker: CreditTracker): void {
  setProcessSingleton("credit-tracker", tracker);
}
