// Writes generation rows off the token path. The row is inserted when the call starts (so a
// crash leaves a trace), checkpointed while it runs (so a crash keeps what was delivered),
// and completed when it ends; pending writes can be flushed.
import type { KeepOpen } from "../db/messages";
import { getDb } from "../db/client";
import { dbTime } from "../db/db-time";
import { bool, flushHotWritesSoon, hotWrite, type HotWrite } from "../db/hot-writes";
import { randomToken } from "../db/new-id";
import { processSingleton } from "../process-singleton";
import type { PricePico } from "./compute-cost";

export interface PriceColumns {
  pricePromptPico: bigint;
  priceCompletionPico: bigint;
  priceCachedPico: bigint;
  priceReasoningPico: bigint;
  priceCacheWritePico: bigint;
}

/** The price snapshot a row keeps, so a later price change never rewrites history. */
export function priceColumns(price: PricePico): PriceColumns {
  return {
    pricePromptPico: price.prompt,
    priceCompletionPico: price.completion,
    priceCachedPico: price.cachedPrompt ?? price.prompt,
    priceReasoningPico: price.reasoning ?? price.completion,
    priceCacheWritePico: price.cacheWrite ?? price.prompt,
  };
}

export interface GenerationStart extends PriceColumns {
  userId: string;
  source: "chat" | "api" | "judge";
  conversationId?: string | null;
  messageId?: string | null;
  apiKeyId?: string | null;
  requestedModel: string;
  modelId: string;
  provider: string;
  upstreamModel: string;
}

/** Usage columns as a call stands (checkpoint) or ended (finish). */
export interface GenerationUsage {
  provider: string;
  upstreamModel: string;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  usageEstimated: boolean;
  costPico: bigint;
  computedCostPico: bigint;
}

export interface GenerationEnd extends GenerationUsage, PriceColumns {
  upstreamCostPico: bigint | null;
  /** Prompt-cache savings, or for a response-cache hit what the original call cost. */
  cacheSavingsPico: bigint;
  /** Served from the response cache: the tokens the hit saved (its own token columns stay 0). */
  responseCacheHit?: boolean;
  savedPromptTokens?: number;
  savedCompletionTokens?: number;
  ttftMs: number | null;
  totalMs: number;
  status: "done" | "stopped" | "error";
  finishReason: string | null;
  error: string | null;
  attempts: unknown[];
  /** Kept only for API keys with prompt logging on. */
  promptText?: string | null;
  completionText?: string | null;
}

export interface LedgerRow {
  finish(end: GenerationEnd): Promise<void>;
}

const pending = () => processSingleton("ledger-pending", () => new Set<Promise<unknown>>());

function track<T>(promise: Promise<T>): Promise<T> {
  const set = pending();
  set.add(promise);
  promise.finally(() => set.delete(promise)).catch(() => {});
  return promise;
}

export function newGenerationId(): string {
  return `gen-${Date.now().toString(36)}-${randomToken(9)}`;
}

/** Starts the insert without waiting for it; returns a handle to complete the row later. */
export function startGeneration(id: string, data: GenerationStart): LedgerRow {
  const row = { id, ...data, conversationId: data.conversationId ?? null, messageId: data.messageId ?? null, apiKeyId: data.apiKeyId ?? null, now: dbTime() };
  const inserted = track(hotWrite([["insertGeneration", row]], { lazy: true })).catch((error) => {
    console.error(`[ledger] could not insert generation ${id}:`, error);
  });
  return {
    finish(end) {
      const values = {
        ...end,
        id,
        usageEstimated: bool(end.usageEstimated),
        responseCacheHit: bool(end.responseCacheHit ?? false),
        savedPromptTokens: end.savedPromptTokens ?? 0,
        savedCompletionTokens: end.savedCompletionTokens ?? 0,
        attempts: JSON.stringify(end.attempts),
        promptText: end.promptText ?? null,
        completionText: end.completionText ?? null,
        now: dbTime(),
      };
      const write = inserted.then(() => hotWrite([["finishGeneration", values]], { lazy: true }));
      return track(write).then(
        () => undefined,
        (error) => console.error(`[ledger] could not complete generation ${id}:`, error),
      );
    },
  };
}

/** The write that records what a running call has delivered so far (only while it is open). */
export function generationCheckpoint(id: string, usage: GenerationUsage): HotWrite {
  return ["checkpointGeneration", { ...usage, id, usageEstimated: bool(usage.usageEstimated) }];
}

/** Waits for every ledger write in flight (graceful shutdown, tests). */
export async function flushLedger(): Promise<void> {
  while (pending().size > 0) await ledgerWritesSoFar();
}

/**
 * Waits for the ledger writes made so far (not for those that keep coming under load), sent
 * at once rather than at the end of the lazy window: a read of a call that just ended sees it.
 */
export async function ledgerWritesSoFar(): Promise<void> {
  const set = pending();
  if (set.size === 0) return;
  const now = [...set];
  flushHotWritesSoon();
  await Promise.allSettled(now);
}

/**
 * Rows a crash left "streaming" are closed on the next start with what their last checkpoint
 * recorded (what was delivered, marked estimated), so that spend still counts against credit
 * and budgets. A row with nothing delivered stays at $0.
 */
export async function closeInterruptedGenerations(keep?: KeepOpen): Promise<number> {
  const result = await getDb().generation.updateMany({
    where: { status: "streaming", ...(keep ? { id: { notIn: keep.ids }, createdAt: { lt: keep.before } } : {}) },
    data: { status: "error", error: "Interrupted: the server stopped before the call finished", finishedAt: new Date() },
  });
  return result.count;
}
