// Admission for one upstream call: credit, key rate limits and free-tier caps are checked
// and reserved together. Everything that can wait (loading a period's spend, replaying
// free-tier history) is awaited first; the check-and-reserve itself then runs without
// yielding, so simultaneous requests are admitted one after another, never twice on the
// same headroom.
import type { ApiKeyContext } from "../auth/api-keys";
import { AppError } from "../errors";
import { getCreditTracker, type CreditState } from "./credit-tracker";
import { formatCreditUsd } from "./format-credit";
import { freeTierCap, type FreeTierCap } from "./free-tier-caps";
import { DAY_MS, getFreeTierHistoryLoader, seedOnce } from "./free-tier-seed";
import { RateLimitError } from "./rate-limit-error";
import { holdUserBudget } from "./user-budget";
import { getRateLimitStore, type ConsumeResult, type RateLimitStore } from "./rate-limiter";

const MINUTE_MS = 60_000;

export interface AdmissionRequest {
  key: ApiKeyContext;
  modelId: string;
  provider: string | null;
  /** A `:free` model or a free-tier model of a preset with freeTier. */
  free: boolean;
  /** Preset id whose freeTier applies, e.g. "openrouter". */
  freeTierProvider: string | null;
  promptTokens: number;
  maxTokens: number;
  worstCaseCostPico: bigint;
}

export interface Admission {
  /** After the call: actual cost and tokens; frees the reservation (the ledger row holds the real cost). */
  settle(actual: { costPico: bigint; totalTokens: number }): void;
  /** The call never reached an upstream: give everything back (requests still count). */
  release(): void;
}

interface Check {
  key: string;
  windowMs: number;
  limit: number;
  amount: number;
  /** Completes "Rate limit exceeded: …". */
  what: string;
}

export async function admitRequest(request: AdmissionRequest): Promise<Admission> {
  const { key } = request;
  // The router matched the endpoint's upstream model to the free tier; the requested id may not say ":free".
  const cap = request.free && request.freeTierProvider ? freeTierCap(request.freeTierProvider, request.modelId, { assumeFree: true }) : null;
  if (cap) await seedFreeTier(key.userId, cap);
  const worstCase = request.worstCaseCostPico > 0n ? request.worstCaseCostPico : 0n;
  // The owner's monthly budget first: it is reserved (atomically) before the key's own credit.
  const budget = await holdUserBudget(key.userId, worstCase);
  let credit: CreditState | null = null;
  if (key.creditLimitPico !== null) {
    const current = getCreditTracker().current(key.id, key.creditReset, Date.now());
    try {
      credit = current instanceof Promise ? await current : current;
    } catch (error) {
      budget.release();
      throw error;
    }
  }

  // From here until the store answers, nothing yields (the memory store answers at once).
  const now = Date.now();
  const tracker = getCreditTracker();
  if (credit && key.creditLimitPico !== null) {
    const reserved = tracker.reserve(credit, key.creditLimitPico, worstCase);
    if (!reserved.ok) {
      budget.release();
      throw new AppError(402, `This request can cost up to ${formatCreditUsd(worstCase, "up")} but the key has ${formatCreditUsd(reserved.leftPico, "down")} left`, "insufficient_credits");
    }
  }

  const checks: Check[] = [];
  if (key.rpm !== null) checks.push({ key: `key:${key.id}:rpm`, windowMs: MINUTE_MS, limit: key.rpm, amount: 1, what: `${key.rpm} requests per minute for this key` });
  if (key.rpd !== null) checks.push({ key: `key:${key.id}:rpd`, windowMs: DAY_MS, limit: key.rpd, amount: 1, what: `${key.rpd} requests per day for this key` });
  // A reservation larger than the whole budget could never fit: it takes the full minute instead.
  const tokens = key.tpm !== null ? Math.min(Math.max(0, request.promptTokens) + Math.max(0, request.maxTokens), key.tpm) : 0;
  if (key.tpm !== null) checks.push({ key: `key:${key.id}:tpm`, windowMs: MINUTE_MS, limit: key.tpm, amount: tokens, what: `${key.tpm} tokens per minute for this key` });
  if (cap) checks.push(...freeTierChecks(key.userId, cap));

  const store = getRateLimitStore();
  const outcome = consumeAll(store, checks, now);
  const failure = outcome instanceof Promise ? await outcome : outcome;
  if (failure) {
    if (credit) tracker.release(credit, worstCase);
    budget.release();
    throw failure;
  }

  const tpmKey = key.tpm !== null ? `key:${key.id}:tpm` : null;
  let done = false;
  return {
    settle(actual) {
      if (done) return;
      done = true;
      if (credit) tracker.settle(credit, worstCase, actual.costPico);
      budget.settle(actual.costPico);
      if (tpmKey) {
        const diff = Math.max(0, actual.totalTokens) - tokens;
        // Fewer tokens than reserved: give the rest back. More: count them now, unconditionally.
        if (diff < 0) void store.refund(tpmKey, MINUTE_MS, -diff, now);
        else if (diff > 0) void store.consume(tpmKey, MINUTE_MS, Number.POSITIVE_INFINITY, diff, Date.now());
      }
    },
    release() {
      if (done) return;
      done = true;
      if (credit) tracker.release(credit, worstCase);
      budget.release();
      if (tpmKey && tokens > 0) void store.refund(tpmKey, MINUTE_MS, tokens, now);
    },
  };
}

/** Free-tier caps for the chatroom too (per user): same 429 semantics. */
export async function admitFreeTier(userId: string, freeTierProvider: string, modelId: string): Promise<void> {
  const cap = freeTierCap(freeTierProvider, modelId);
  if (!cap) return;
  await seedFreeTier(userId, cap);
  const outcome = consumeAll(getRateLimitStore(), freeTierChecks(userId, cap), Date.now());
  const failure = outcome instanceof Promise ? await outcome : outcome;
  if (failure) throw failure;
}

function freeTierChecks(userId: string, cap: FreeTierCap): Check[] {
  return [
    { key: freeTierKey(userId, cap, "rpm"), windowMs: MINUTE_MS, limit: cap.rpm, amount: 1, what: `${cap.rpm} requests per minute on ${cap.description}` },
    { key: freeTierKey(userId, cap, "rpd"), windowMs: DAY_MS, limit: cap.rpd, amount: 1, what: `${cap.rpd} requests per day on ${cap.description}` },
  ];
}

function freeTierKey(userId: string, cap: FreeTierCap, window: "rpm" | "rpd"): string {
  return `free:${cap.scope}:${userId}:${window}`;
}

function seedFreeTier(userId: string, cap: FreeTierCap): Promise<void> | undefined {
  return seedOnce(userId, cap, async () => {
    const now = Date.now();
    const times = await getFreeTierHistoryLoader()(userId, cap, now - DAY_MS);
    const store = getRateLimitStore();
    // History only adds up: replayed calls count even beyond the cap (the provider saw them).
    for (const at of times) {
      for (const check of freeTierChecks(userId, cap)) {
        if (at > now - check.windowMs) await store.consume(check.key, check.windowMs, Number.POSITIVE_INFINITY, 1, at);
      }
    }
  });
}

/**
 * All checks or none: consumes each in turn and, on the first refusal, refunds the ones
 * already taken. Returns the error to throw, or null. Stays synchronous while the store is.
 */
function consumeAll(store: RateLimitStore, checks: Check[], now: number): RateLimitError | null | Promise<RateLimitError | null> {
  const taken: Check[] = [];
  const refuse = (check: Check, result: ConsumeResult): RateLimitError => {
    for (const done of taken) void store.refund(done.key, done.windowMs, done.amount, now);
    return new RateLimitError(`Rate limit exceeded: ${check.what}`, Math.max(1, Math.ceil(result.retryAfterMs / 1000)));
  };
  const step = (index: number): RateLimitError | null | Promise<RateLimitError | null> => {
    for (let i = index; i < checks.length; i++) {
      const check = checks[i];
      const result = store.consume(check.key, check.windowMs, check.limit, check.amount, now);
      if (result instanceof Promise) {
        return result.then((settled) => {
          if (!settled.allowed) return refuse(check, settled);
          taken.push(check);
          return step(i + 1);
        });
      }
      if (!result.allowed) return refuse(check, result);
      taken.push(check);
    }
    return null;
  };
  return step(0);
}
