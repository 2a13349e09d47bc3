// Admission across instances: every hold and window of a call checked and taken by one Lua
// script, so two instances can never both spend the same headroom. A reservation carries a
// lease that this instance renews while the call runs; an instance that dies stops renewing
// and its reservations lapse on the next admission of that key or user.
//
// Settled spend per period is loaded from the ledger the first time a period is used (or
// after a limit changed), then kept in Redis by every settle.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { getEnv } from "../env";
import { getRedis, redisKey } from "../redis/client";
import { runScript } from "../redis/run-script";
import { sharedStoreUnavailable } from "../redis/unavailable";
import type { AdmissionStore, AdmitOutcome, HoldKind, HoldSpec, WindowSpec } from "./admission-types";
import { CREDIT_RESETS, creditPeriod, type CreditReset } from "./credit-period";
import { loadSpentFromLedger } from "./credit-tracker";
import { limitArg, RedisRateLimitStore } from "./redis-windows";
import { ADMIT, READ_HOLD, SETTLE } from "./redis-scripts";
import { loadUserSpend } from "./user-budget";

const DAY_MS = 86_400_000;
const MAX_SEED_ROUNDS = 3;

const loaders: Record<HoldKind, (id: string, since: number) => Promise<bigint>> = { credit: loadSpentFromLedger, budget: loadUserSpend };

interface HoldKeys {
  hash: string;
  expiries: string;
  /** Milliseconds the period's state is kept (past its end, for late settles); 0: for ever. */
  ttlMs: number;
  since: number;
}

function holdKeys(kind: HoldKind, id: string, reset: CreditReset, now: number): HoldKeys {
  const period = creditPeriod(reset, now);
  const name = `hold:${kind}:${id}:${period.start}`;
  const ttlMs = Number.isFinite(period.end) ? period.end - now + DAY_MS : 0;
  return { hash: redisKey(name), expiries: redisKey(`${name}:leases`), ttlMs, since: period.start };
}

interface Live {
  keys: string[];
  kind: HoldKind;
  amount: bigint;
}

export class RedisAdmissionStore implements AdmissionStore {
  readonly windows: RedisRateLimitStore;
  private readonly live = new Map<string, Live>();
  private renewTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis = getRedis(),
    private readonly leaseMs = getEnv().RESERVATION_LEASE_SECONDS * 1000,
  ) {
    this.windows = new RedisRateLimitStore(redis);
  }

  async admit(specs: HoldSpec[], windows: WindowSpec[], now: number): Promise<AdmitOutcome> {
    if (specs.length === 0 && windows.length === 0) return { ok: true, ticket: { settle() {}, release() {} } };
    const holds = specs.map((spec) => holdKeys(spec.kind, spec.id, spec.reset, now));
    const keys = [...holds.flatMap((h) => [h.hash, h.expiries]), ...windows.map((w) => redisKey(`rl:${w.key}`))];
    const rid = randomUUID();
    const args: (string | number)[] = [now, rid, this.leaseMs, specs.length];
    specs.forEach((spec, i) => args.push(spec.limitPico.toString(), spec.amountPico.toString(), holds[i].ttlMs));
    windows.forEach((w) => args.push(w.windowMs, limitArg(w.limit), w.amount));

    for (let round = 0; ; round++) {
      let reply: [string, number?, string?, string?];
      try {
        reply = (await runScript(this.redis, "switchyardAdmit", ADMIT, keys, args)) as typeof reply;
      } catch (error) {
        throw sharedStoreUnavailable("credit, budgets and rate limits", error);
      }
      const [verdict, index = 1] = reply;
      if (verdict === "seed" && round < MAX_SEED_ROUNDS) {
        await this.seed(specs[index - 1].kind, specs[index - 1].id, holds[index - 1]);
        continue;
      }
      if (verdict === "hold") {
        const committed = BigInt(reply[2] ?? "0") + BigInt(reply[3] ?? "0");
        const limit = specs[index - 1].limitPico;
        return { ok: false, hold: index - 1, leftPico: limit > committed ? limit - committed : 0n };
      }
      if (verdict === "window") return { ok: false, window: index - 1, retryAfterMs: Number(reply[2] ?? 0) };
      if (verdict !== "ok") throw sharedStoreUnavailable("credit and budgets", new Error(`spend could not be loaded (${verdict})`));
      return { ok: true, ticket: this.ticket(rid, specs, holds) };
    }
  }

  private ticket(rid: string, specs: HoldSpec[], holds: HoldKeys[]) {
    if (holds.length === 0) return { settle() {}, release() {} };
    const keys = holds.flatMap((h) => [h.hash, h.expiries]);
    specs.forEach((spec) => this.live.set(`${rid}:${spec.kind}`, { keys, kind: spec.kind, amount: spec.amountPico }));
    this.startRenewing();
    let done = false;
    const finish = (actual: bigint) => {
      if (done) return;
      done = true;
      specs.forEach((spec) => this.live.delete(`${rid}:${spec.kind}`));
      runScript(this.redis, "switchyardSettle", SETTLE, keys, [rid, actual.toString()]).catch((error) => {
        // The lease lapses on its own; the ledger row holds the cost and is reloaded after a forget.
        console.error(`[redis] could not settle reservation ${rid}; it lapses with its lease:`, error instanceof Error ? error.message : error);
      });
    };
    return { settle: (actualCostPico: bigint) => finish(actualCostPico > 0n ? actualCostPico : 0n), release: () => finish(0n) };
  }

  /** Loads a period's spend from the ledger unless another instance got there first. */
  private async seed(kind: HoldKind, id: string, hold: HoldKeys): Promise<void> {
    const spent = await loaders[kind](id, hold.since);
    try {
      await this.redis.hsetnx(hold.hash, "spent", spent.toString());
      if (hold.ttlMs > 0) await this.redis.pexpire(hold.hash, hold.ttlMs);
    } catch (error) {
      throw sharedStoreUnavailable("credit and budgets", error);
    }
  }

  /** Keeps the leases of this instance's calls in flight alive; they lapse if it dies. */
  private startRenewing() {
    if (this.renewTimer) return;
    this.renewTimer = setInterval(() => void this.renew(), Math.max(250, Math.floor(this.leaseMs / 3)));
    this.renewTimer.unref();
  }

  private async renew() {
    if (this.live.size === 0) {
      if (this.renewTimer) clearInterval(this.renewTimer);
      this.renewTimer = null;
      return;
    }
    const until = Date.now() + this.leaseMs;
    const pipeline = this.redis.pipeline();
    for (const [entry, live] of this.live) {
      const rid = entry.slice(0, entry.lastIndexOf(":"));
      for (let i = 1; i < live.keys.length; i += 2) pipeline.zadd(live.keys[i], "XX", until, rid);
    }
    await pipeline.exec().catch((error) => console.error("[redis] could not renew reservation leases:", error instanceof Error ? error.message : error));
  }

  async spend(kind: HoldKind, id: string, reset: CreditReset, now: number) {
    const hold = holdKeys(kind, id, reset, now);
    for (let round = 0; round <= MAX_SEED_ROUNDS; round++) {
      let reply: [string | null, string];
      try {
        reply = (await runScript(this.redis, "switchyardReadHold", READ_HOLD, [hold.hash, hold.expiries], [now])) as typeof reply;
      } catch (error) {
        throw sharedStoreUnavailable("credit and budgets", error);
      }
      if (reply[0] !== null) return { spentPico: BigInt(reply[0]), reservedPico: BigInt(reply[1]) };
      await this.seed(kind, id, hold);
    }
    throw sharedStoreUnavailable("credit and budgets", new Error("spend could not be loaded"));
  }

  async forget(kind: HoldKind, id: string): Promise<void> {
    const now = Date.now();
    // Whatever reset the key has now or had before: every period holding `now` reloads.
    const hashes = [...new Set(CREDIT_RESETS.map((reset) => holdKeys(kind, id, reset, now).hash))];
    try {
      await Promise.all(hashes.map((hash) => this.redis.hdel(hash, "spent")));
    } catch (error) {
      console.error(`[redis] could not reset the spend of ${kind} ${id}:`, error instanceof Error ? error.message : error);
    }
  }

  reservations(kind: HoldKind) {
    let holders = 0;
    let reservedPico = 0n;
    for (const live of this.live.values()) {
      if (live.kind !== kind) continue;
      holders += 1;
      reservedPico += live.amount;
    }
    return { holders, reservedPico };
  }
}
