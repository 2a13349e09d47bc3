// Where admission keeps its state: in this process (one instance) or in Redis (several),
// chosen once from REDIS_URL. admit.ts decides which limits apply and words the refusals;
// a store only checks and reserves them, all together, as one step.
import type { MaybePromise } from "../maybe-promise";
import { processSingleton, setProcessSingleton } from "../process-singleton";
import { redisEnabled } from "../redis/client";
import type { CreditReset } from "./credit-period";
import { MemoryAdmissionStore } from "./memory-admission";
import type { RateLimitStore } from "./rate-limiter";
import { RedisAdmissionStore } from "./redis-admission";

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

export function getAdmissionStore(): AdmissionStore {
  return processSingleton<AdmissionStore>("admission-store", () => (redisEnabled() ? new RedisAdmissionStore() : new MemoryAdmissionStore()));
}

export function setAdmissionStore(store: AdmissionStore): void {
  setProcessSingleton("admission-store", store);
}
