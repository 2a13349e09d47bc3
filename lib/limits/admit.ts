// Admission for one upstream call, from the chatroom or the API alike: the owner's monthly
// budget, the key's credit and rate limits, and the user's free-tier caps are checked and
// reserved together, against the call's worst case (counted only when some limit needs it).
// This file decides which limits apply and words the refusals; the admission store (memory
// or Redis, admission-store.ts) checks and takes them all as one step, so simultaneous
// requests, on one instance or several, are never admitted twice on the same headroom.
import { AppError } from "../errors";
import { formatUsd } from "../format/usd";
import { getAdmissionStore, type HoldSpec, type WindowSpec } from "./admission-store";
import type { CreditReset } from "./credit-period";
import type { FreeTierCap } from "./free-tier-cap";
import type { RateLimitStore } from "./rate-limiter";
import { RateLimitError } from "./rate-limit-error";
import { DAY_MS, historyLoaders, MINUTE_MS, seedOnce, type PastCall } from "./window-seed";

/** What admission needs of an API key (the chatroom's calls have none). */
export interface KeyLimits {
  id: string;
  creditLimitPico: bigint | null;
  creditReset: CreditReset;
  rpm: number | null;
  rpd: number | null;
  tpm: number | null;
}

export interface WorstCase {
  /** The most the call can cost on any endpoint it may be routed to. */
  costPico: bigint;
  /** Prompt tokens plus the output bound: what tokens-per-minute reserves. */
  tokens: number;
}

export interface AdmissionRequest {
  userId: string;
  key: KeyLimits | null;
  /** The user's monthly budget; null when none is set. */
  budgetPico: bigint | null;
  freeTier: FreeTierCap | null;
  /** Counted only when a limit depends on it (counting a long prompt costs CPU). */
  worstCase: () => WorstCase;
}

export interface Admission {
  /** Money or tokens were reserved: the call's output must stay within the worst case counted. */
  readonly limited: boolean;
  /** After the call: actual cost and tokens; frees the reservation (the ledger row holds the real cost). */
  settle(actual: { costPico: bigint; totalTokens: number }): void;
  /** The call never reached an upstream: give everything back (requests still count). */
  release(): void;
}

interface Check extends WindowSpec {
  /** Completes "Rate limit exceeded: …". */
  what: string;
}

export async function admitCall(request: AdmissionRequest): Promise<Admission> {
  const { key, userId } = request;
  const admission = getAdmissionStore();
  const store = admission.windows;
  const needsMoney = request.budgetPico !== null || (key !== null && key.creditLimitPico !== null);
  const worst = needsMoney || key?.tpm != null ? request.worstCase() : null;
  const cost = worst && worst.costPico > 0n ? worst.costPico : 0n;

  // What may wait: past calls replayed into fresh counters (a store that forgets on restart).
  await replayPastCalls(store, request);
  const now = Date.now();
  const holds: HoldSpec[] = [];
  if (request.budgetPico !== null && cost > 0n) holds.push({ kind: "budget", id: userId, reset: "monthly", limitPico: request.budgetPico, amountPico: cost });
  if (key !== null && key.creditLimitPico !== null && cost > 0n) holds.push({ kind: "credit", id: key.id, reset: key.creditReset, limitPico: key.creditLimitPico, amountPico: cost });
  const checks = keyChecks(key, worst);
  if (request.freeTier) checks.push(...freeTierChecks(userId, request.freeTier));

  const outcome = await admission.admit(holds, checks, now);
  if (!outcome.ok) {
    if ("window" in outcome) throw new RateLimitError(`Rate limit exceeded: ${checks[outcome.window].what}`, Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)));
    const hold = holds[outcome.hold];
    if (hold.kind === "budget") {
      throw new AppError(
        402,
        `Monthly budget reached: this request can cost up to ${formatUsd(cost, "up")} and ${formatUsd(outcome.leftPico, "down")} of your ${formatUsd(hold.limitPico, "down")} budget is left this month. Ask an admin to raise it.`,
        "insufficient_credits",
      );
    }
    throw new AppError(402, `This request can cost up to ${formatUsd(cost, "up")} but the key has ${formatUsd(outcome.leftPico, "down")} left`, "insufficient_credits");
  }
  const { ticket } = outcome;

  const tpm = checks.find((c) => c.key.endsWith(":tpm")) ?? null;
  let done = false;
  return {
    limited: worst !== null,
    settle(actual) {
      if (done) return;
      done = true;
      ticket.settle(actual.costPico);
      if (tpm) {
        const diff = Math.max(0, actual.totalTokens) - tpm.amount;
        // Fewer tokens than reserved: give the rest back. More: count them now, unconditionally.
        if (diff < 0) void store.refund(tpm.key, MINUTE_MS, -diff, now);
        else if (diff > 0) void Promise.resolve(store.consume(tpm.key, MINUTE_MS, Number.POSITIVE_INFINITY, diff, Date.now())).catch(() => undefined);
      }
    },
    release() {
      if (done) return;
      done = true;
      ticket.release();
      if (tpm && tpm.amount > 0) void store.refund(tpm.key, MINUTE_MS, tpm.amount, now);
    },
  };
}

function keyChecks(key: KeyLimits | null, worst: WorstCase | null): Check[] {
  if (!key) return [];
  const checks: Check[] = [];
  if (key.rpm !== null) checks.push({ key: `key:${key.id}:rpm`, windowMs: MINUTE_MS, limit: key.rpm, amount: 1, what: `${key.rpm} requests per minute for this key` });
  if (key.rpd !== null) checks.push({ key: `key:${key.id}:rpd`, windowMs: DAY_MS, limit: key.rpd, amount: 1, what: `${key.rpd} requests per day for this key` });
  if (key.tpm !== null) {
    // A reservation larger than the whole budget could never fit: it takes the full minute instead.
    const tokens = Math.min(Math.max(0, worst?.tokens ?? 0), key.tpm);
    checks.push({ key: `key:${key.id}:tpm`, windowMs: MINUTE_MS, limit: key.tpm, amount: tokens, what: `${key.tpm} tokens per minute for this key` });
  }
  return checks;
}

function freeTierChecks(userId: string, cap: FreeTierCap): Check[] {
  const key = (window: string) => `free:${cap.scope}:${userId}:${window}`;
  return [
    { key: key("rpm"), windowMs: MINUTE_MS, limit: cap.rpm, amount: 1, what: `${cap.rpm} requests per minute on ${cap.description}` },
    { key: key("rpd"), windowMs: DAY_MS, limit: cap.rpd, amount: 1, what: `${cap.rpd} requests per day on ${cap.description}` },
  ];
}

/** Counters of a fresh process start from the ledger's last day, once per key and free-tier scope. */
async function replayPastCalls(store: RateLimitStore, request: AdmissionRequest): Promise<void> {
  if (store.persistent) return;
  const { key, freeTier, userId } = request;
  const waits: (Promise<void> | undefined)[] = [];
  if (key && (key.rpm !== null || key.rpd !== null || key.tpm !== null)) {
    // Every window of the key, so a limit set later still counts the calls made before.
    const windows = keyChecks({ ...key, rpm: Infinity, rpd: Infinity, tpm: Infinity }, null);
    waits.push(seedOnce(`key:${key.id}`, async () => replay(store, windows, await historyLoaders().key(key.id, Date.now() - DAY_MS))));
  }
  if (freeTier) {
    waits.push(seedOnce(`free:${freeTier.scope}:${userId}`, async () => replay(store, freeTierChecks(userId, freeTier), await historyLoaders().freeTier(userId, freeTier, Date.now() - DAY_MS))));
  }
  await Promise.all(waits);
}

/** History only adds up: replayed calls count even beyond a limit (the provider saw them). */
async function replay(store: RateLimitStore, checks: Check[], calls: PastCall[]): Promise<void> {
  const now = Date.now();
  for (const call of calls) {
    for (const check of checks) {
      if (call.at <= now - check.windowMs) continue;
      const amount = check.key.endsWith(":tpm") ? call.tokens : 1;
      if (amount > 0) await store.consume(check.key, check.windowMs, Number.POSITIVE_INFINITY, amount, call.at);
    }
  }
}
