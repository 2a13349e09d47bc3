// Exact cost of one call: integer tokens times integer picodollar prices.
import type { Usage } from "./usage";

export interface PricePico {
  prompt: bigint;
  completion: bigint;
  /** Cached prompt tokens; absent means they cost the same as other prompt tokens. */
  cachedPrompt?: bigint;
  /** Prompt tokens written to a cache; absent means they cost the same as other prompt tokens. */
  cacheWrite?: bigint;
  /** Reasoning tokens, when priced apart from other completion tokens. */
  reasoning?: bigint;
}

export const ZERO_PRICE: PricePico = { prompt: 0n, completion: 0n };

type CostUsage = Pick<Usage, "promptTokens" | "completionTokens" | "reasoningTokens" | "cachedTokens"> & { cacheWriteTokens?: number };

/** Reasoning tokens are part of the completion tokens, cached and cache-write tokens part of
 * the prompt tokens, as OpenAI-compatible providers report them. */
export function computeCostPico(usage: CostUsage, price: PricePico): bigint {
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  const written = Math.min(usage.cacheWriteTokens ?? 0, usage.promptTokens - cached);
  const freshPrompt = BigInt(usage.promptTokens - cached - written);
  const reasoning = BigInt(Math.min(usage.reasoningTokens, usage.completionTokens));
  const otherCompletion = BigInt(usage.completionTokens) - reasoning;
  return (
    freshPrompt * price.prompt +
    BigInt(cached) * (price.cachedPrompt ?? price.prompt) +
    BigInt(written) * (price.cacheWrite ?? price.prompt) +
    otherCompletion * price.completion +
    reasoning * (price.reasoning ?? price.completion)
  );
}

/** What prompt caching saved: the cached tokens at the prompt price, minus what they cost. */
export function promptCacheSavingsPico(usage: Pick<Usage, "promptTokens" | "cachedTokens">, price: PricePico): bigint {
  const cached = BigInt(Math.min(usage.cachedTokens, usage.promptTokens));
  return cached * (price.prompt - (price.cachedPrompt ?? price.prompt));
}

/** The upstream's own figure wins when it gave one (OpenRouter's usage.cost); both are kept. */
export function chooseCost(computed: bigint, upstream: bigint | undefined): bigint {
  return upstream ?? computed;
}

/** A call's usage as the ledger records it: tokens, the computed cost, the upstream's own
 * figure where it gave one, and the cost charged (the upstream's when present). */
export function settleUsage(usage: Usage, price: PricePico) {
  const computedCostPico = computeCostPico(usage, price);
  return {
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    reasoningTokens: usage.reasoningTokens,
    cachedTokens: usage.cachedTokens,
    cacheWriteTokens: usage.cacheWriteTokens,
    cacheSavingsPico: promptCacheSavingsPico(usage, price),
    usageEstimated: usage.estimated,
    costPico: chooseCost(computedCostPico, usage.upstreamCostPico),
    computedCostPico,
    upstreamCostPico: usage.upstreamCostPico ?? null,
  };
}
