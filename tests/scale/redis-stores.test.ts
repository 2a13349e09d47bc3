// The Redis stores against a real redis-server: the same windows as the memory store (one
// rule, two homes of its state), money compared exactly past 2^53 picodollars, and
// reservations that lapse with their lease.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRedisServer, type RedisProcess } from "../helpers/redis-server";

let redis: RedisProcess;
let limits: typeof import("@/lib/limits/rate-limiter");
let windows: typeof import("@/lib/limits/redis-windows");
let admission: typeof import("@/lib/limits/redis-admission");
let client: typeof import("@/lib/redis/client");

beforeAll(async () => {
  redis = await startRedisServer();
  Object.assign(process.env, { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `stores-${process.pid}:` });
  (await import("@/lib/env")).resetEnvCache();
  limits = await import("@/lib/limits/rate-limiter");
  windows = await import("@/lib/limits/redis-windows");
  admission = await import("@/lib/limits/redis-admission");
  client = await import("@/lib/redis/client");
});

afterAll(async () => {
  await client?.closeRedis();
  await redis?.stop();
});

it("answers every consume and refund exactly as the memory store does", async () => {
  const memory = new limits.MemoryRateLimitStore();
  const shared = new windows.RedisRateLimitStore();
  const start = 1_800_000_000_000;
  // A minute window, limit 7: bursts, refunds and time passing across bucket edges.
  const steps: [op: "consume" | "refund", offsetMs: number, amount: number][] = [
    ["consume", 0, 3], ["consume", 500, 3], ["consume", 999, 2], ["consume", 1_000, 1], ["refund", 0, 2],
    ["consume", 30_000, 2], ["consume", 59_999, 1], ["consume", 60_000, 3], ["consume", 61_000, 4], ["refund", 61_000, 1],
    ["consume", 90_000, 7], ["consume", 125_000, 8], ["consume", 200_000, 7],
  ];
  for (const [op, offset, amount] of steps) {
    const now = start + offset;
    if (op === "refund") {
      memory.refund("k", 60_000, amount, now);
      await shared.refund("parity", 60_000, amount, now);
      continue;
    }
    expect(await shared.consume("parity", 60_000, 7, amount, now), `${op} ${amount} at +${offset}`).toEqual(memory.consume("k", 60_000, 7, amount, now));
  }
});

it("reserves money exactly beyond what a double holds, and frees a lapsed lease", async () => {
  const store = new admission.RedisAdmissionStore(undefined, 300);
  const limit = 9_007_199_254_740_993n; // 2^53 + 1: a double cannot tell it from 2^53
  const hold = (amountPico: bigint) => ({ kind: "credit" as const, id: `exact-${process.pid}`, reset: "never" as const, limitPico: limit, amountPico });
  // Spend is loaded from the ledger on first use; here it starts at zero.
  const redisClient = client.getRedis();
  await redisClient.hset(client.redisKey(`hold:credit:exact-${process.pid}:0`), "spent", "0");

  const first = await store.admit([hold(limit - 1n)], [], Date.now());
  expect(first.ok).toBe(true);
  const tooMuch = await store.admit([hold(2n)], [], Date.now());
  expect(tooMuch).toEqual({ ok: false, hold: 0, leftPico: 1n });
  expect((await store.admit([hold(1n)], [], Date.now())).ok).toBe(true);

  // Nobody renews these leases (a dead instance): after the lease they no longer count.
  (store as unknown as { live: Map<string, unknown> }).live.clear();
  await new Promise((r) => setTimeout(r, 1_000));
  const later = await store.admit([hold(limit)], [], Date.now());
  expect(later.ok).toBe(true);
  if (later.ok) later.ticket.settle(limit);
  await new Promise((r) => setTimeout(r, 100));
  expect(await store.spend("credit", `exact-${process.pid}`, "never", Date.now())).toEqual({ spentPico: limit, reservedPico: 0n });
});
