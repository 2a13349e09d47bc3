// Usage as OpenAI-compatible clients read it, with OpenRouter's extensions: the cost in USD,
// cached and cache-write prompt tokens, reasoning tokens, and (Switchyard's own, documented
// in the README) `estimated: true` when Switchyard counted the tokens because the provider
// reported none.
import { picoToUsdString } from "../ledger/usd";
import type { Usage } from "../ledger/usage";

export function openAiUsage(usage: Usage, costPico: bigint): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens, cache_write_tokens: usage.cacheWriteTokens },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
    cost: Number(picoToUsdString(costPico)),
    ...(usage.estimated ? { estimated: true } : {}),
  };
}
