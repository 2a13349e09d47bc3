// What an admission store does, whichever keeps the state: this process (memory-admission.ts)
// or Redis (redis-admission.ts). admission-store.ts picks one.
import type { MaybePromise } from "../maybe-promise";
import type { CreditReset } from "./credit-period";
import type { RateLimitStore } from "./rate-limit-store";

/** Whose money a hold is on: an API key's credit or a user's monthly budget. */
export type HoldKind = "credit" | "budget";

export interface HoldSpec {
  kind: HoldKind;
  id: string;
  reset: CreditReset;
  limitPico: bigint;
  amountPico: bigint;
}

export interface WindowSpec {
  key: string;
  windowMs: number;
  limit: number;
  amount: number;
}

export interface AdmissionTicket {
  /** The call finished: its reservations go, its actual cost counts. */
  settle(actualCostPico: bigint): void;
  /** The call never reached an upstream: its reservations go, nothing counts. */
  release(): void;
}

export type AdmitOutcome =
  | { ok: true; ticket: AdmissionTicket }
  | { ok: false; hold: number; leftPico: bigint }
  | { ok: false; window: number; retryAfterMs: number };

export interface AdmissionStore {
  /** The windows the store checks, for what admission adjusts afterwards (tokens per minute). */
  readonly windows: RateLimitStore;
  /** Checks every hold and window and, only if all fit, takes them all. */
  admit(holds: HoldSpec[], windows: WindowSpec[], now: number): Promise<AdmitOutcome>;
  /** Settled spend and reservations of a period, for what a key reports as left. */
  spend(kind: HoldKind, id: string, reset: CreditReset, now: number): Promise<{ spentPico: bigint; reservedPico: bigint }>;
  /** A key's limit or a user's budget changed: spend is reloaded from the ledger on next use. */
  forget(kind: HoldKind, id: string): MaybePromise<void>;
  /** What this instance holds right now (metrics). */
  reservations(kind: HoldKind): { holders: number; reservedPico: bigint };
}
