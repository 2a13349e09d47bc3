// Sliding-window counters behind one small interface, so several instances can share a
// store (Redis with a Lua script, say) while a single process uses memory.
//
// The memory store splits each window into 60 buckets. A unit counted at time t stays
// counted until the end of the bucket one full window later: never less than a true
// sliding window (so we refuse before an upstream would), at most one bucket (1/60) more.

import { processSingleton, setProcessSingleton } from "../process-singleton";
import { redisEnabled } from "../redis/client";
import type { ConsumeResult, RateLimitStore } from "./rate-limit-store";
import { RedisRateLimitStore } from "./redis-windows";

export type { ConsumeResult, RateLimitStore } from "./rate-limit-store";

export const BUCKETS_PER_WINDOW = 60;
const SWEEP_EVERY_MS = 60_000;

interface Counter {
  windowMs: number;
  bucketMs: number;
  /** Ring of BUCKETS_PER_WINDOW + 1 slots; `stamps[i]` says which bucket slot i holds now. */
  counts: number[];
  stamps: number[];
  lastAt: number;
}

export class MemoryRateLimitStore implements RateLimitStore {
  readonly persistent = false;
  private readonly counters = new Map<string, Counter>();
  private lastSweep = 0;

  constructor(private readonly maxKeys = 200_000) {}

  get size(): number {
    return this.counters.size;
  }

  consume(key: string, windowMs: number, limit: number, amount: number, now: number): ConsumeResult {
    this.sweep(now);
    const counter = this.counter(key, windowMs, now);
    const current = Math.floor(now / counter.bucketMs);
    const used = this.used(counter, current);
    if (used + amount > limit) {
      return { allowed: false, remaining: Math.max(0, limit - used), retryAfterMs: this.retryAfter(counter, current, used + amount - limit, now) };
    }
    const slot = this.slot(counter, current);
    // A write for a bucket already out of the window (late history) has nothing to count.
    if (slot < 0) return { allowed: true, remaining: Math.max(0, limit - used - amount), retryAfterMs: 0 };
    counter.counts[slot] += amount;
    counter.lastAt = Math.max(counter.lastAt, now);
    return { allowed: true, remaining: limit === Infinity ? Infinity : limit - used - amount, retryAfterMs: 0 };
  }

  refund(key: string, windowMs: number, amount: number, at: number): void {
    const counter = this.counters.get(key);
    if (!counter || counter.windowMs !== windowMs) return;
    const bucket = Math.floor(at / counter.bucketMs);
    const slot = bucket % counter.counts.length;
    // The bucket has already rolled out of the window: nothing left to give back.
    if (counter.stamps[slot] !== bucket) return;
    counter.counts[slot] = Math.max(0, counter.counts[slot] - amount);
  }

  private counter(key: string, windowMs: number, now: number): Counter {
    let counter = this.counters.get(key);
    if (!counter || counter.windowMs !== windowMs) {
      if (!counter && this.counters.size >= this.maxKeys) this.sweep(now, true);
      const slots = BUCKETS_PER_WINDOW + 1;
      counter = { windowMs, bucketMs: Math.max(1, Math.ceil(windowMs / BUCKETS_PER_WINDOW)), counts: new Array(slots).fill(0), stamps: new Array(slots).fill(-1), lastAt: 0 };
      this.counters.set(key, counter);
    }
    return counter;
  }

  /** The slot for `bucket`, cleared first if it still held an older bucket; -1 if a newer one holds it. */
  private slot(counter: Counter, bucket: number): number {
    const slot = bucket % counter.counts.length;
    if (counter.stamps[slot] > bucket) return -1;
    if (counter.stamps[slot] !== bucket) {
      counter.stamps[slot] = bucket;
      counter.counts[slot] = 0;
    }
    return slot;
  }

  private used(counter: Counter, current: number): number {
    let total = 0;
    for (let i = 0; i < counter.counts.length; i++) {
      const stamp = counter.stamps[i];
      if (stamp > current - counter.counts.length && stamp <= current) total += counter.counts[i];
    }
    return total;
  }

  private retryAfter(counter: Counter, current: number, needed: number, now: number): number {
    const slots = counter.counts.length;
    let freed = 0;
    for (let bucket = current - slots + 1; bucket <= current; bucket++) {
      const slot = ((bucket % slots) + slots) % slots;
      if (counter.stamps[slot] === bucket) freed += counter.counts[slot];
      // Bucket b stops counting once the current bucket is b + slots.
      if (freed >= needed) return Math.max(1, (bucket + slots) * counter.bucketMs - now);
    }
    // More than the limit itself: no wait is long enough; a full window is the honest answer.
    return counter.windowMs;
  }

  /** Drops counters with nothing left in their window, so memory follows active keys only. */
  private sweep(now: number, force = false) {
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, counter] of this.counters) {
      if (now - counter.lastAt > counter.windowMs + counter.bucketMs) this.counters.delete(key);
    }
    // Still full after expiry (a flood of distinct keys): drop the oldest entries.
    if (force && this.counters.size >= this.maxKeys) {
      let excess = this.counters.size - Math.floor(this.maxKeys * 0.9);
      for (const key of this.counters.keys()) {
        if (excess-- <= 0) break;
        this.counters.delete(key);
      }
    }
  }
}

/** One store per process (Next bundles each route separately); Redis when REDIS_URL is set. */
export function getRateLimitStore(): RateLimitStore {
  return processSingleton<RateLimitStore>("rate-limit-store", () => (redisEnabled() ? new RedisRateLimitStore() : new MemoryRateLimitStore()));
}

/** Swaps the store (a shared one for several instances, or a fresh one in tests). */
export function setRateLimitStore(store: RateLimitStore): void {
  setProcessSingleton("rate-limit-store", store);
}
