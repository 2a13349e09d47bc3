import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../helpers/test-db";
import type { ApiKeyContext } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/errors";
import { resetEnvCache } from "@/lib/env";
import { admitCall, type Admission } from "@/lib/limits/admit";
import { CreditTracker, setCreditTracker } from "@/lib/limits/credit-tracker";
import { freeTierCap } from "@/lib/providers/free-tier-caps";
import { setHistoryLoaders, type PastCall } from "@/lib/limits/window-seed";
import { RateLimitError } from "@/lib/limits/rate-limit-error";
import { MemoryRateLimitStore, setRateLimitStore } from "@/lib/limits/rate-limiter";

const T0 = Date.UTC(2026, 4, 13, 12, 0, 0);

function key(overrides: Partial<ApiKeyContext> = {}): ApiKeyContext {
  return { id: "key1", userId: "user1", name: "test", prefix: "sk-sy-v1-abc…", creditLimitPico: null, creditReset: "never", rpm: null, rpd: null, tpm: null, logPrompts: false, responseCache: false, expiresAt: null, ...overrides };
}

interface Call {
  promptTokens?: number;
  maxTokens?: number;
  worstCaseCostPico?: bigint;
  /** The router matched the endpoint to this provider's free tier. */
  freeTierProvider?: string | null;
  modelId?: string;
}

/** One API call of key `k`, as the engine asks admission for it. */
function admitRequest(k: ApiKeyContext, call: Call = {}): Promise<Admission> {
  const { promptTokens = 10, maxTokens = 90, worstCaseCostPico = 0n, freeTierProvider = null, modelId = "sandbox/swift-mini" } = call;
  return admitCall({
    userId: k.userId,
    key: k,
    budgetPico: null,
    freeTier: freeTierProvider ? freeTierCap(freeTierProvider, modelId, { assumeFree: true }) : null,
    worstCase: () => ({ costPico: worstCaseCostPico, tokens: promptTokens + maxTokens }),
  });
}

/** One chatroom call of a user to a model of a free-tier provider. */
async function admitFreeTier(userId: string, provider: string, modelId: string): Promise<void> {
  await admitCall({ userId, key: null, budgetPico: null, freeTier: freeTierCap(provider, modelId), worstCase: () => ({ costPico: 0n, tokens: 0 }) });
}

const noHistory = { freeTier: async () => [], key: async () => [] };

async function outcomes(promises: Promise<unknown>[]) {
  const settled = await Promise.allSettled(promises);
  const admitted = settled.filter((s) => s.status === "fulfilled");
  const errors = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => s.reason as AppError);
  return { admitted, errors };
}

// Admission also reads the key owner's budget; these owners have none.
beforeAll(() => {
  process.env.DATABASE_URL = createTestDatabase();
});

let loadSpent: ReturnType<typeof vi.fn<(keyId: string, since: number) => Promise<bigint>>>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  setRateLimitStore(new MemoryRateLimitStore());
  loadSpent = vi.fn(async () => 0n);
  setCreditTracker(new CreditTracker((keyId, since) => loadSpent(keyId, since)));
  setHistoryLoaders(noHistory);
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.FREE_TIER_OPENROUTER_RPM;
  resetEnvCache();
});

describe("admitRequest: rate limits", () => {
  it("admits exactly rpm of 100 simultaneous requests and names the limit in the 429", async () => {
    const k = key({ rpm: 20 });
    const { admitted, errors } = await outcomes(Array.from({ length: 100 }, () => admitRequest(k)));
    expect(admitted).toHaveLength(20);
    expect(errors).toHaveLength(80);
    const error = errors[0] as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limited");
    expect(error.message).toBe("Rate limit exceeded: 20 requests per minute for this key");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(60);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(61);
  });

  it("counts requests per day across minutes", async () => {
    const k = key({ rpm: 100, rpd: 3 });
    for (let i = 0; i < 3; i++) {
      await admitRequest(k);
      vi.setSystemTime(T0 + (i + 1) * 120_000);
    }
    await expect(admitRequest(k)).rejects.toThrow("Rate limit exceeded: 3 requests per day for this key");
  });

  it("refuses without counting: a 429 on one limit leaves the others untouched", async () => {
    const k = key({ rpm: 2, tpm: 1000 });
    await admitRequest(k, { promptTokens: 100, maxTokens: 100 });
    await admitRequest(k, { promptTokens: 100, maxTokens: 100 });
    await expect(admitRequest(k, { promptTokens: 100, maxTokens: 100 })).rejects.toThrow(/requests per minute/);
    // 400 of 1000 tokens used; the refused call reserved none.
    const bigger = key({ id: "key1", rpm: 10, tpm: 1000 });
    await expect(admitRequest(bigger, { promptTokens: 300, maxTokens: 300 })).resolves.toBeDefined();
  });

  it("reserves prompt + max tokens and corrects to the actual count at settle", async () => {
    const k = key({ tpm: 1000 });
    const first = await admitRequest(k, { promptTokens: 100, maxTokens: 400 });
    await admitRequest(k, { promptTokens: 100, maxTokens: 400 });
    await expect(admitRequest(k, { promptTokens: 100, maxTokens: 200 })).rejects.toThrow("Rate limit exceeded: 1000 tokens per minute for this key");
    first.settle({ costPico: 0n, totalTokens: 150 });
    // 150 + 500 used: 300 fit, 351 do not.
    await expect(admitRequest(k, { promptTokens: 1, maxTokens: 350 })).rejects.toBeInstanceOf(RateLimitError);
    await expect(admitRequest(k, { promptTokens: 100, maxTokens: 250 })).resolves.toBeDefined();
  });

  it("counts tokens beyond the reservation", async () => {
    const k = key({ tpm: 1000 });
    const first = await admitRequest(k, { promptTokens: 100, maxTokens: 100 });
    first.settle({ costPico: 0n, totalTokens: 900 });
    await expect(admitRequest(k, { promptTokens: 50, maxTokens: 60 })).rejects.toBeInstanceOf(RateLimitError);
    await expect(admitRequest(k, { promptTokens: 50, maxTokens: 50 })).resolves.toBeDefined();
  });

  it("caps a reservation larger than the whole budget at the budget (it waits for an empty minute)", async () => {
    const k = key({ tpm: 1000 });
    const big = await admitRequest(k, { promptTokens: 500, maxTokens: 32_000 });
    await expect(admitRequest(k, { promptTokens: 1, maxTokens: 1 })).rejects.toBeInstanceOf(RateLimitError);
    big.settle({ costPico: 0n, totalTokens: 800 });
    await expect(admitRequest(k, { promptTokens: 100, maxTokens: 100 })).resolves.toBeDefined();
  });

  it("release gives tokens and credit back, but the request still counts", async () => {
    const k = key({ rpm: 2, tpm: 1000, creditLimitPico: 1000n });
    const first = await admitRequest(k, { promptTokens: 500, maxTokens: 500, worstCaseCostPico: 1000n });
    await expect(admitRequest(k, { promptTokens: 1, maxTokens: 1, worstCaseCostPico: 1n })).rejects.toMatchObject({ status: 402 });
    first.release();
    first.release(); // twice is harmless
    await admitRequest(k, { promptTokens: 500, maxTokens: 500, worstCaseCostPico: 1000n });
    await expect(admitRequest(k)).rejects.toThrow(/2 requests per minute/);
  });

  it("lets the window slide: a minute later the key is admitted again", async () => {
    const k = key({ rpm: 1 });
    await admitRequest(k);
    await expect(admitRequest(k)).rejects.toBeInstanceOf(RateLimitError);
    vi.setSystemTime(T0 + 61_000);
    await expect(admitRequest(k)).resolves.toBeDefined();
  });
});

describe("admitRequest: limits survive a restart", () => {
  it("replays the key's last day from the ledger: rpd, rpm and tpm hold after a restart", async () => {
    const history: PastCall[] = [
      { at: T0 - 5 * 3_600_000, tokens: 100 },
      { at: T0 - 30_000, tokens: 700 },
    ];
    const loader = vi.fn(async () => history);
    setHistoryLoaders({ ...noHistory, key: loader });
    const k = key({ rpd: 3, rpm: 100, tpm: 1000 });
    // 700 tokens in the last minute: 300 are left.
    await expect(admitRequest(k, { promptTokens: 200, maxTokens: 200 })).rejects.toThrow("1000 tokens per minute");
    await admitRequest(k, { promptTokens: 100, maxTokens: 100 });
    // Two calls in the day before the restart, one since: the day is full.
    await expect(admitRequest(k)).rejects.toThrow("Rate limit exceeded: 3 requests per day for this key");
    expect(loader).toHaveBeenCalledTimes(1);
  });
});

describe("admitRequest: credits", () => {
  it("admits exactly the N worst-case requests the limit fits when 100 arrive at once", async () => {
    const worst = 12_300_000_000n; // $0.0123
    const k = key({ creditLimitPico: worst * 7n + worst / 2n, creditReset: "daily" });
    loadSpent.mockImplementation(() => new Promise((resolve) => setTimeout(() => resolve(0n), 5)));
    const { admitted, errors } = await outcomes(Array.from({ length: 100 }, () => admitRequest(k, { worstCaseCostPico: worst })));
    expect(admitted).toHaveLength(7);
    expect(errors).toHaveLength(93);
    expect(loadSpent).toHaveBeenCalledTimes(1);
    expect(errors[0]).toBeInstanceOf(AppError);
    expect(errors[0].status).toBe(402);
    expect(errors[0].code).toBe("insufficient_credits");
    expect(errors[0].message).toBe("This request can cost up to $0.02 but the key has $0.0061 left");
  });

  it("starts from the ledger's spend in the current period and settles actual costs", async () => {
    loadSpent.mockResolvedValue(600n);
    const k = key({ creditLimitPico: 1000n, creditReset: "monthly" });
    await expect(admitRequest(k, { worstCaseCostPico: 401n })).rejects.toMatchObject({ status: 402 });
    const a = await admitRequest(k, { worstCaseCostPico: 400n });
    await expect(admitRequest(k, { worstCaseCostPico: 1n })).rejects.toMatchObject({ status: 402 });
    a.settle({ costPico: 150n, totalTokens: 10 });
    await expect(admitRequest(k, { worstCaseCostPico: 251n })).rejects.toMatchObject({ status: 402 });
    await expect(admitRequest(k, { worstCaseCostPico: 250n })).resolves.toBeDefined();
    expect(loadSpent).toHaveBeenCalledWith("key1", Date.UTC(2026, 4, 1));
  });

  it("a daily limit starts over at midnight UTC, reloading the new day's spend", async () => {
    const k = key({ creditLimitPico: 100n, creditReset: "daily" });
    const inFlight = await admitRequest(k, { worstCaseCostPico: 100n });
    await expect(admitRequest(k, { worstCaseCostPico: 1n })).rejects.toMatchObject({ status: 402 });
    vi.setSystemTime(Date.UTC(2026, 4, 14, 0, 0, 0));
    await expect(admitRequest(k, { worstCaseCostPico: 100n })).resolves.toBeDefined();
    expect(loadSpent).toHaveBeenLastCalledWith("key1", Date.UTC(2026, 4, 14));
    // Yesterday's call settling now does not eat into today's credit.
    inFlight.settle({ costPico: 100n, totalTokens: 1 });
    await expect(admitRequest(k, { worstCaseCostPico: 1n })).rejects.toMatchObject({ status: 402 });
  });

  it("keys without a limit never touch the ledger", async () => {
    await admitRequest(key(), { worstCaseCostPico: 10n ** 15n });
    expect(loadSpent).not.toHaveBeenCalled();
  });
});

describe("free-tier caps", () => {
  const freeCall = (k: ApiKeyContext, modelId = "openrouter/meta-llama/llama-3.3-70b-instruct:free") =>
    admitRequest(k, { modelId, freeTierProvider: "openrouter" });

  it("counts OpenRouter :free calls per user across keys and the chatroom: 20 a minute", async () => {
    const results = await outcomes([
      ...Array.from({ length: 8 }, () => freeCall(key({ id: "a" }))),
      ...Array.from({ length: 8 }, () => freeCall(key({ id: "b" }), "openrouter/google/gemma-4-31b-it:free")),
      ...Array.from({ length: 8 }, () => admitFreeTier("user1", "openrouter", "openrouter/openai/gpt-oss-20b:free")),
    ]);
    expect(results.admitted).toHaveLength(20);
    expect(results.errors[0].message).toBe("Rate limit exceeded: 20 requests per minute on OpenRouter free models");
    expect((results.errors[0] as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
    // Another user has a quota of their own; paid models are not capped.
    await expect(freeCall(key({ id: "c", userId: "user2" }))).resolves.toBeDefined();
    await expect(admitFreeTier("user1", "openrouter", "openrouter/meta-llama/llama-3.3-70b-instruct")).resolves.toBeUndefined();
  });

  it("trusts the router's free flag when the requested id is an alias of a :free endpoint", async () => {
    const k = key({ id: "alias" });
    const results = await outcomes(Array.from({ length: 25 }, () => freeCall(k, "llama-free-alias")));
    expect(results.admitted).toHaveLength(20);
    // Not flagged free: no free-tier cap at all.
    await expect(admitRequest(k, { modelId: "x/y:free", freeTierProvider: null })).resolves.toBeDefined();
  });

  it("caps the day at 200", async () => {
    for (let i = 0; i < 200; i++) {
      vi.setSystemTime(T0 + i * 4_000);
      await admitFreeTier("user1", "openrouter", "x/y:free");
    }
    vi.setSystemTime(T0 + 3_600_000);
    await expect(admitFreeTier("user1", "openrouter", "x/y:free")).rejects.toThrow("Rate limit exceeded: 200 requests per day on OpenRouter free models");
  });

  it("reads overrides from FREE_TIER_OPENROUTER_RPM", async () => {
    process.env.FREE_TIER_OPENROUTER_RPM = "3";
    resetEnvCache();
    const { admitted, errors } = await outcomes(Array.from({ length: 10 }, () => admitFreeTier("user1", "openrouter", "x/y:free")));
    expect(admitted).toHaveLength(3);
    expect(errors[0].message).toBe("Rate limit exceeded: 3 requests per minute on OpenRouter free models");
  });

  it("counts Gemini's free tier per model", async () => {
    const flash = await outcomes(Array.from({ length: 12 }, () => admitFreeTier("user1", "gemini", "google/gemini-2.5-flash")));
    expect(flash.admitted).toHaveLength(10);
    expect(flash.errors[0].message).toBe("Rate limit exceeded: 10 requests per minute on gemini-2.5-flash on the Google Gemini free tier");
    await expect(admitFreeTier("user1", "gemini", "gemini/gemini-2.5-flash-lite")).resolves.toBeUndefined();
    // A Gemini model outside the free list is not capped.
    for (let i = 0; i < 12; i++) await admitFreeTier("user1", "gemini", "gemini/gemini-2.5-pro");
  });

  it("replays the last day's calls from the ledger after a restart", async () => {
    const at = (t: number): PastCall => ({ at: t, tokens: 0 });
    const loader = vi.fn(async () => [...Array.from({ length: 150 }, (_, i) => at(T0 - 20 * 3_600_000 + i)), ...Array.from({ length: 15 }, (_, i) => at(T0 - 30_000 + i))]);
    setHistoryLoaders({ ...noHistory, freeTier: loader });
    const minute = await outcomes(Array.from({ length: 10 }, () => admitFreeTier("user1", "openrouter", "x/y:free")));
    expect(minute.admitted).toHaveLength(5);
    expect(loader).toHaveBeenCalledTimes(1);
    vi.setSystemTime(T0 + 10 * 60_000);
    let more = 0;
    for (let i = 0; i < 60; i++) {
      vi.setSystemTime(T0 + 10 * 60_000 + i * 5_000);
      await admitFreeTier("user1", "openrouter", "x/y:free").then(() => more++, () => {});
    }
    // 150 + 15 + 5 replayed or admitted: 30 left of 200 today.
    expect(more).toBe(30);
  });
});
