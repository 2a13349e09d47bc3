// Rate-limit windows in Redis, each consume or refund one Lua script: the counters every
// instance shares (requests and tokens per key, free-tier caps, sign-in attempts).
import type { Redis } from "ioredis";
import { getRedis, redisKey } from "../redis/client";
import { runScript } from "../redis/run-script";
import { sharedStoreUnavailable } from "../redis/unavailable";
import type { ConsumeResult, RateLimitStore } from "./rate-limit-store";
import { CONSUME_WINDOW, REFUND_WINDOW } from "./redis-scripts";

/** -1 stands for "no limit" (a count that must happen whatever the window holds). */
export const limitArg = (limit: number) => (Number.isFinite(limit) ? String(Math.floor(limit)) : "-1");

export class RedisRateLimitStore implements RateLimitStore {
  readonly persistent = true;

  constructor(private readonly redis: Redis = getRedis()) {}

  async consume(key: string, windowMs: number, limit: number, amount: number, now: number): Promise<ConsumeResult> {
    let reply: [number, number, number];
    try {
      reply = (await runScript(this.redis, "switchyardConsumeWindow", CONSUME_WINDOW, [redisKey(`rl:${key}`)], [now, windowMs, limitArg(limit), amount])) as [number, number, number];
    } catch (error) {
      throw sharedStoreUnavailable("rate limits", error);
    }
    const [allowed, remaining, retryAfterMs] = reply;
    return { allowed: allowed === 1, remaining: remaining < 0 ? Infinity : remaining, retryAfterMs };
  }

  async refund(key: string, windowMs: number, amount: number, at: number): Promise<void> {
    try {
      await runScript(this.redis, "switchyardRefundWindow", REFUND_WINDOW, [redisKey(`rl:${key}`)], [windowMs, amount, at]);
    } catch (error) {
      // A refund that cannot be made leaves the window stricter than it should be, never looser.
      console.warn(`[redis] could not refund ${amount} to ${key}:`, error instanceof Error ? error.message : error);
    }
  }
}
