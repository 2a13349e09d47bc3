import { describe, expect, it } from "vitest";
import { chooseCost, computeCostPico, promptCacheSavingsPico } from "@/lib/ledger/compute-cost";
import { picoToUsdString, usdToPico } from "@/lib/ledger/usd";
import { CUSTOM_PROVIDER_QUIRKS, PROVIDER_PRESETS } from "@/lib/providers/presets";
import { readUsage } from "@/lib/providers/read-usage";

const standard = CUSTOM_PROVIDER_QUIRKS.response;
const normaliseUsage = (usage: Record<string, unknown>) => readUsage(usage, standard);

const usage = (p: number, c: number, r = 0, cached = 0, written = 0) => ({ promptTokens: p, completionTokens: c, reasoningTokens: r, cachedTokens: cached, cacheWriteTokens: written });

describe("exact cost", () => {
  it.each([
    // gpt-4o-mini: $0.15 / $0.60 per million
    ["plain", usage(1000, 500), { prompt: 150_000n, completion: 600_000n }, 450_000_000n],
    // cached prompt tokens at half price
    ["cached", usage(1000, 0, 0, 400), { prompt: 150_000n, completion: 600_000n, cachedPrompt: 75_000n }, 120_000_000n],
    // cached without a cached price cost the same as other prompt tokens
    ["cached, no cached price", usage(1000, 0, 0, 400), { prompt: 150_000n, completion: 0n }, 150_000_000n],
    // reasoning tokens are part of completion tokens; priced apart when a price is given
    ["reasoning priced apart", usage(0, 100, 40), { prompt: 0n, completion: 1_000n, reasoning: 2_000n }, 140_000n],
    ["reasoning same price", usage(0, 100, 40), { prompt: 0n, completion: 1_000n }, 100_000n],
    ["free model", usage(123_456, 7_890), { prompt: 0n, completion: 0n }, 0n],
    // cache writes at their own price (Anthropic: 1.25x), reads at theirs
    ["cache write and read", usage(1000, 0, 0, 200, 300), { prompt: 100n, completion: 0n, cachedPrompt: 10n, cacheWrite: 125n }, 500n * 100n + 200n * 10n + 300n * 125n],
  ])("%s", (_name, u, price, expected) => {
    expect(computeCostPico(u, price)).toBe(expected);
  });

  it("counts what prompt caching saved: cached tokens at the prompt price minus their cached price", () => {
    expect(promptCacheSavingsPico(usage(1000, 0, 0, 400), { prompt: 150_000n, completion: 0n, cachedPrompt: 75_000n })).toBe(400n * 75_000n);
    // No cached price: they cost the prompt price, nothing was saved.
    expect(promptCacheSavingsPico(usage(1000, 0, 0, 400), { prompt: 150_000n, completion: 0n })).toBe(0n);
    // A provider reporting more cached tokens than prompt tokens is capped at the prompt.
    expect(promptCacheSavingsPico(usage(10, 0, 0, 50), { prompt: 100n, completion: 0n, cachedPrompt: 0n })).toBe(1_000n);
  });

  it("prefers the upstream's reported cost and keeps the computed one otherwise", () => {
    expect(chooseCost(10n, 7n)).toBe(7n);
    expect(chooseCost(10n, undefined)).toBe(10n);
  });

  it("never drifts: a million tiny costs sum exactly", () => {
    let total = 0n;
    for (let i = 0; i < 1_000_000; i++) total += computeCostPico(usage(1, 1), { prompt: 75_000n, completion: 300_000n });
    expect(picoToUsdString(total)).toBe("0.375");
  });
});

describe("USD <-> picodollars", () => {
  it.each([
    ["0.000000075", 75_000n],
    ["0.0000025", 2_500_000n],
    ["1", 1_000_000_000_000n],
    ["0.0000000000004", 0n],
    ["0.0000000000005", 1n],
  ])("%s", (usd, pico) => expect(usdToPico(usd)).toBe(pico));

  it("reads JSON numbers in exponent notation (OpenRouter usage.cost)", () => {
    expect(usdToPico(1.5e-7)).toBe(150_000n);
    expect(usdToPico(0.00012)).toBe(120_000_000n);
  });

  it("formats exactly", () => {
    expect(picoToUsdString(120_000_000n)).toBe("0.00012");
    expect(picoToUsdString(0n)).toBe("0");
  });
});

describe("usage normalisation", () => {
  it("reads OpenAI and OpenRouter usage fields", () => {
    expect(
      normaliseUsage({
        prompt_tokens: 10,
        completion_tokens: 20,
        total_tokens: 30,
        completion_tokens_details: { reasoning_tokens: 5 },
        prompt_tokens_details: { cached_tokens: 4 },
        cost: 0.0000123,
      }),
    ).toEqual({ promptTokens: 10, completionTokens: 20, reasoningTokens: 5, cachedTokens: 4, cacheWriteTokens: 0, estimated: false, upstreamCostPico: 12_300_000n });
  });

  it("reads cache writes, and DeepSeek's cache hits where its row says", () => {
    expect(normaliseUsage({ prompt_tokens: 100, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 10, cache_write_tokens: 60 } })).toMatchObject({ cachedTokens: 10, cacheWriteTokens: 60 });
    const deepseek = PROVIDER_PRESETS.find((p) => p.id === "deepseek")!.quirks.response;
    expect(readUsage({ prompt_tokens: 30, completion_tokens: 5, prompt_cache_hit_tokens: 16 }, deepseek)).toMatchObject({ cachedTokens: 16 });
  });

  it("never counts more cached or reasoning tokens than there are", () => {
    expect(normaliseUsage({ prompt_tokens: 5, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 50 }, completion_tokens_details: { reasoning_tokens: 9 } })).toMatchObject({ cachedTokens: 5, reasoningTokens: 2 });
  });

  it("tolerates missing details", () => {
    expect(normaliseUsage({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 })).toMatchObject({ reasoningTokens: 0, cachedTokens: 0, upstreamCostPico: undefined });
  });
});
