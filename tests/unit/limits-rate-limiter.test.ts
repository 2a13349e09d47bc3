import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "@/lib/limits/rate-limiter";

const MINUTE = 60_000;
const DAY = 86_400_000;

describe("MemoryRateLimitStore", () => {
  it("admits exactly the limit when 100 calls arrive in the same tick", () => {
    const store = new MemoryRateLimitStore();
    const results = Array.from({ length: 100 }, () => store.consume("k", MINUTE, 20, 1, 1_000));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
    expect(results[19]).toMatchObject({ allowed: true, remaining: 0 });
    expect(results[20]).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("admits exactly the limit across interleaved async callers", async () => {
    const store = new MemoryRateLimitStore();
    const call = async (i: number) => {
      for (let hop = 0; hop < i % 5; hop++) await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, i % 3));
      return store.consume("k", MINUTE, 37, 1, Date.now()).allowed;
    };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => call(i)));
    expect(results.filter(Boolean)).toHaveLength(37);
  });

  it("lets units expire one window later, and says when", () => {
    const store = new MemoryRateLimitStore();
    expect(store.consume("k", MINUTE, 3, 1, 0).allowed).toBe(true);
    expect(store.consume("k", MINUTE, 3, 1, 10_000).allowed).toBe(true);
    expect(store.consume("k", MINUTE, 3, 1, 20_000).allowed).toBe(true);
    const refused = store.consume("k", MINUTE, 3, 1, 30_000);
    expect(refused.allowed).toBe(false);
    // The unit from t=0 sits in the first 1 s bucket: counted until 61 s, never less than 60 s.
    expect(refused.retryAfterMs).toBe(31_000);
    expect(store.consume("k", MINUTE, 3, 1, 59_999).allowed).toBe(false);
    expect(store.consume("k", MINUTE, 3, 1, 60_500).allowed).toBe(false);
    expect(store.consume("k", MINUTE, 3, 1, 61_000).allowed).toBe(true);
    // t=10 s expires at 71 s.
    expect(store.consume("k", MINUTE, 3, 1, 70_999).allowed).toBe(false);
    expect(store.consume("k", MINUTE, 3, 1, 71_000).allowed).toBe(true);
  });

  it("never lets more than the limit through in any window of the window's length", () => {
    const store = new MemoryRateLimitStore();
    const admitted: number[] = [];
    for (let t = 0; t < 5 * MINUTE; t += 700) if (store.consume("k", MINUTE, 10, 1, t).allowed) admitted.push(t);
    for (const start of admitted) expect(admitted.filter((t) => t >= start && t < start + MINUTE).length).toBeLessThanOrEqual(10);
    // And it does not starve: roughly ten per minute get through.
    expect(admitted.length).toBeGreaterThanOrEqual(45);
  });

  it("counts amounts (tokens) and refunds a reservation at the time it was made", () => {
    const store = new MemoryRateLimitStore();
    expect(store.consume("t", MINUTE, 1000, 800, 5_000)).toMatchObject({ allowed: true, remaining: 200 });
    expect(store.consume("t", MINUTE, 1000, 300, 6_000).allowed).toBe(false);
    // The call used 150 of its 800: give back 650.
    store.refund("t", MINUTE, 650, 5_000);
    expect(store.consume("t", MINUTE, 1000, 300, 7_000)).toMatchObject({ allowed: true, remaining: 550 });
    // Extra use is recorded unconditionally.
    expect(store.consume("t", MINUTE, Number.POSITIVE_INFINITY, 600, 8_000).allowed).toBe(true);
    expect(store.consume("t", MINUTE, 1000, 1, 9_000)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("ignores refunds for buckets that already left the window", () => {
    const store = new MemoryRateLimitStore();
    store.consume("t", MINUTE, 10, 5, 0);
    store.consume("t", MINUTE, 10, 5, 100_000);
    store.refund("t", MINUTE, 5, 0);
    expect(store.consume("t", MINUTE, 10, 6, 100_500).allowed).toBe(false);
  });

  it("does not overwrite current buckets when history arrives late", () => {
    const store = new MemoryRateLimitStore();
    store.consume("t", MINUTE, 10, 4, 61_000);
    // Bucket 0 shares bucket 61's slot; a stale write must not wipe the current count.
    store.consume("t", MINUTE, Number.POSITIVE_INFINITY, 1, 0);
    expect(store.consume("t", MINUTE, 10, 7, 61_500).allowed).toBe(false);
  });

  it("keeps day windows in 24-minute buckets", () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 200; i++) expect(store.consume("d", DAY, 200, 1, 1_000 + i).allowed).toBe(true);
    const refused = store.consume("d", DAY, 200, 1, 3_600_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(DAY + 24 * MINUTE - 3_600_000);
    expect(store.consume("d", DAY, 200, 1, DAY + 24 * MINUTE).allowed).toBe(true);
  });

  it("refuses an amount larger than the limit with a full window to wait", () => {
    const store = new MemoryRateLimitStore();
    expect(store.consume("t", MINUTE, 100, 101, 0)).toMatchObject({ allowed: false, retryAfterMs: MINUTE });
  });

  it("evicts counters whose window has passed", () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 500; i++) store.consume(`k${i}`, MINUTE, 5, 1, 0);
    expect(store.size).toBe(500);
    store.consume("later", MINUTE, 5, 1, 10 * MINUTE);
    expect(store.size).toBe(1);
  });

  it("stays bounded under a flood of distinct keys", () => {
    const store = new MemoryRateLimitStore(1_000);
    for (let i = 0; i < 5_000; i++) store.consume(`k${i}`, MINUTE, 5, 1, 1_000);
    expect(store.size).toBeLessThanOrEqual(1_000);
  });
});
