// One ledger row in full, for the detail view: usage, cost, price snapshot and attempts.
import { getDb } from "../db/client";
import { userWhere } from "./scope";
import { AppError } from "../errors";
import { picoToUsdString } from "../ledger/usd";

export interface GenerationDetail {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  source: string;
  conversationId: string | null;
  messageId: string | null;
  apiKeyId: string | null;
  requestedModel: string;
  modelId: string;
  provider: string;
  upstreamModel: string;
  /** Picodollars per token, and the same as USD per million tokens (exact decimal strings). */
  price: Record<"prompt" | "completion" | "cached" | "cacheWrite" | "reasoning", { picoPerToken: string; usdPerMillion: string }>;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  usageEstimated: boolean;
  costPico: string;
  computedCostPico: string;
  upstreamCostPico: string | null;
  /** Prompt-cache savings, or for a response-cache hit what the original call cost. */
  cacheSavingsPico: string;
  responseCacheHit: boolean;
  savedPromptTokens: number;
  savedCompletionTokens: number;
  ttftMs: number | null;
  totalMs: number | null;
  status: string;
  finishReason: string | null;
  error: string | null;
  attempts: unknown[];
}

function price(pico: bigint) {
  return { picoPerToken: pico.toString(), usdPerMillion: picoToUsdString(pico * 1_000_000n) };
}

export async function getGenerationDetail(userId: string, id: string): Promise<GenerationDetail> {
  const g = await getDb().generation.findFirst({ where: { id, ...userWhere(userId) } });
  if (!g) throw new AppError(404, "Generation not found");
  let attempts: unknown[] = [];
  try {
    const parsed = JSON.parse(g.attempts);
    if (Array.isArray(parsed)) attempts = parsed;
  } catch {
    // A malformed attempts column should not hide the rest of the record.
  }
  return {
    id: g.id,
    createdAt: g.createdAt.toISOString(),
    finishedAt: g.finishedAt?.toISOString() ?? null,
    source: g.source,
    conversationId: g.conversationId,
    messageId: g.messageId,
    apiKeyId: g.apiKeyId,
    requestedModel: g.requestedModel,
    modelId: g.modelId,
    provider: g.provider,
    upstreamModel: g.upstreamModel,
    price: { prompt: price(g.pricePromptPico), completion: price(g.priceCompletionPico), cached: price(g.priceCachedPico), cacheWrite: price(g.priceCacheWritePico), reasoning: price(g.priceReasoningPico) },
    promptTokens: g.promptTokens,
    completionTokens: g.completionTokens,
    reasoningTokens: g.reasoningTokens,
    cachedTokens: g.cachedTokens,
    cacheWriteTokens: g.cacheWriteTokens,
    usageEstimated: g.usageEstimated,
    costPico: g.costPico.toString(),
    computedCostPico: g.computedCostPico.toString(),
    upstreamCostPico: g.upstreamCostPico?.toString() ?? null,
    cacheSavingsPico: g.cacheSavingsPico.toString(),
    responseCacheHit: g.responseCacheHit,
    savedPromptTokens: g.savedPromptTokens,
    savedCompletionTokens: g.savedCompletionTokens,
    ttftMs: g.ttftMs,
    totalMs: g.totalMs,
    status: g.status,
    finishReason: g.finishReason,
    error: g.error,
    attempts,
  };
}
