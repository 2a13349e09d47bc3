// What one call consumed, as the ledger records it. Cached and cache-write tokens are part of
// the prompt tokens, reasoning tokens part of the completion tokens (OpenAI's convention).

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  /** Prompt tokens read from the provider's cache. */
  cachedTokens: number;
  /** Prompt tokens written to the provider's cache (Anthropic-style cache creation). */
  cacheWriteTokens: number;
  /** True when counted by our tokenizer because the provider sent no usage. */
  estimated: boolean;
  /** Upstream-reported cost in picodollars (OpenRouter's usage.cost), when given. */
  upstreamCostPico?: bigint;
}

export const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, reasoningTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, estimated: false };
