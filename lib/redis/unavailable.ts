// Redis unreachable is never papered over with per-instance state: the request that needed
// it is refused with a 503 that says why, and the log says which state could not be reached.
import { AppError } from "../errors";

export const SHARED_STORE_UNAVAILABLE = "shared_store_unavailable";

const lastLogged = new Map<string, number>();

/** The error to throw when `what` (credit and budgets, rate limits, ...) cannot be reached. */
export function sharedStoreUnavailable(what: string, cause: unknown): AppError {
  const now = Date.now();
  // Once every 10 s per kind: a Redis outage under load must not flood the log.
  if (now - (lastLogged.get(what) ?? 0) > 10_000) {
    lastLogged.set(what, now);
    console.error(`[redis] ${what} unavailable, refusing requests that need it:`, cause instanceof Error ? cause.message : cause);
  }
  return new AppError(503, `Service temporarily unavailable: ${what} cannot be checked because the shared store (Redis) is unreachable. Try again shortly.`, SHARED_STORE_UNAVAILABLE);
}
