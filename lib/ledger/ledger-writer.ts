// Writes generation rows off the token path. The row is inserted when the call starts
// (so a crash leaves a trace) and completed when it ends; pending writes can be flushed.
import { getDb } from "../db/client";
import { bool, hotWrite, sqliteNow } from "../db/hot-writes";
import { randomToken } from "../db/new-id";

export interface GenerationStart {
  userId: string;
  source: "chat" | "api";
  conversationId?: string | null;
  messageId?: string | null;
  apiKeyId?: string | null;
  requestedModel: string;
  modelId: string;
  provider: string;
  upstreamModel: string;
  pricePromptPico: bigint;
  priceCompletionPico: bigint;
  priceCachedPico: bigint;
  priceReasoningPico: bigint;
}

export interface GenerationEnd {
  provider: string;
  upstreamModel: string;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  usageEstimated: boolean;
  costPico: bigint;
  computedCostPico: bigint;
  upstreamCostPico: bigint | null;
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

const globalLedger = globalThis as unknown as { __switchyardLedgerPending?: Set<Promise<unknown>>; __switchyardLedgerOpen?: Set<string> };
const pending = (globalLedger.__switchyardLedgerPending ??= new Set());
/** Calls started and not yet finished: shutdown waits for them to close their rows. */
const open = (globalLedger.__switchyardLedgerOpen ??= new Set());

function track<T>(promise: Promise<T>): Promise<T> {
  pending.add(promise);
  promise.finally(() => pending.delete(promise)).catch(() => {});
  return promise;
}

export function newGenerationId(): string {
  return `gen-${Date.now().toString(36)}-${randomToken(9)}`;
}

/** Starts the insert without waiting for it; returns a handle to complete the row later. */
export function startGeneration(id: string, data: GenerationStart): { finish(end: GenerationEnd): Promise<void> } {
  open.add(id);
  const row = { id, ...data, conversationId: data.conversationId ?? null, messageId: data.messageId ?? null, apiKeyId: data.apiKeyId ?? null, now: sqliteNow() };
  const inserted = track(hotWrite([["insertGeneration", row]], { lazy: true })).catch((error) => {
    console.error(`[ledger] could not insert generation ${id}:`, error);
  });
  return {
    finish(end) {
      open.delete(id);
      const values = {
        ...end,
        id,
        usageEstimated: bool(end.usageEstimated),
        attempts: JSON.stringify(end.attempts),
        promptText: end.promptText ?? null,
        completionText: end.completionText ?? null,
        now: sqliteNow(),
      };
      const write = inserted.then(() => hotWrite([["finishGeneration", values]], { lazy: true }));
      return track(write).then(
        () => undefined,
        (error) => console.error(`[ledger] could not complete generation ${id}:`, error),
      );
    },
  };
}

/** Waits for every ledger write in flight (graceful shutdown, tests); with `waitForOpenCalls`,
 * also for calls still running to finish and write their rows (up to the timeout). */
export async function flushLedger(options: { waitForOpenCalls?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (pending.size > 0) await Promise.allSettled([...pending]);
    else if (options.waitForOpenCalls && open.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    else return;
  }
}

/** Rows left "streaming" by a crash are closed as errors on the next start. */
export async function closeInterruptedGenerations(): Promise<number> {
  const result = await getDb().generation.updateMany({
    where: { status: "streaming" },
    data: { status: "error", error: "Interrupted: the server stopped before the call finished", finishedAt: new Date() },
  });
  return result.count;
}
