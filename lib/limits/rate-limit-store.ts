// What a rate-limit window store does, whichever holds the counters: this process
// (rate-limiter.ts) or Redis (redis-windows.ts).
import type { MaybePromise } from "../maybe-promise";

export interface ConsumeResult {
  allowed: boolean;
  /** Units left in the window after this call (0 when refused). */
  remaining: number;
  /** When refused: how long until enough units expire for this amount (0 when allowed). */
  retryAfterMs: number;
}

export interface RateLimitStore {
  /** Counters outlive this process (a shared store): nothing needs replaying from the ledger. */
  readonly persistent: boolean;
  /** Counts `amount` at `now` if the window then holds at most `limit`; else counts nothing. */
  consume(key: string, windowMs: number, limit: number, amount: number, now: number): MaybePromise<ConsumeResult>;
  /** Gives back units counted at `at` (a reservation larger than the actual use). */
  refund(key: string, windowMs: number, amount: number, at: number): MaybePromise<void>;
}
