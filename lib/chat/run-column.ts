// Runs one column's answer: route the call, relay its events, and when it ends — done,
// stopped or failed — save the message and its ledger row with exact usage and cost.
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { finishAssistantMessage } from "../db/messages";
import { chooseCost, computeCostPico } from "../ledger/compute-cost";
import { countPromptTokens, countTokens } from "../ledger/estimate-usage";
import { newGenerationId, startGeneration } from "../ledger/ledger-writer";
import { toUpstreamError } from "../providers/upstream-error";
import { AppError } from "../errors";
import { planRoute } from "../router/plan-route";
import type { Candidate } from "../router/resolve-model";
import { streamWithFallback, type Attempt } from "../router/stream-with-fallback";
import type { ChatEvent, ColumnStats, Usage } from "../streaming/events";

export interface ColumnRun {
  userId: string;
  conversationId: string;
  columnId: string;
  messageId: string;
  modelId: string;
  messages: { role: "system" | "user" | "assistant"; content: string }[];
  temperature: number | null;
  maxTokens: number | null;
  /** Resolves once the answer's row exists; its final state is written after that. */
  persisted: Promise<void>;
  signal: AbortSignal;
}

export async function* runColumn(run: ColumnRun): AsyncGenerator<ChatEvent> {
  const { columnId, messageId } = run;
  const started = Date.now();
  yield { type: "column-start", columnId, messageId, modelId: run.modelId };

  let text = "";
  let reasoning = "";
  let usage: Usage | null = null;
  let finishReason: string | null = null;
  let ttftMs: number | null = null;
  let failure: string | null = null;
  let stopped = false;
  let adjusted: { dropped: string[]; replayed: boolean } | null = null;
  let candidate: Candidate | null = null;
  let ledger: ReturnType<typeof startGeneration> | null = null;
  const attempts: Attempt[] = [];

  try {
    const candidates = planRoute([run.modelId]);
    const events = streamWithFallback({
      candidates,
      messages: run.messages as ChatCompletionMessageParam[],
      temperature: run.temperature,
      maxTokens: run.maxTokens,
      signal: run.signal,
      attempts,
      onCandidate: (next) => {
        candidate = next;
        // One ledger row per answer, opened as its first call starts; fallbacks are its attempts.
        ledger ??= startGeneration(newGenerationId(), {
          userId: run.userId,
          source: "chat",
          conversationId: run.conversationId,
          messageId,
          requestedModel: run.modelId,
          modelId: run.modelId,
          provider: next.provider.id,
          upstreamModel: next.upstreamModel,
          pricePromptPico: next.price.prompt,
          priceCompletionPico: next.price.completion,
          priceCachedPico: next.price.cachedPrompt ?? next.price.prompt,
          priceReasoningPico: next.price.reasoning ?? next.price.completion,
        });
      },
    });
    for await (const event of events) {
      if (event.type === "start") yield { type: "provider", columnId, provider: event.provider };
      else if (event.type === "text" || event.type === "reasoning") {
        ttftMs ??= Date.now() - started;
        if (event.type === "text") text += event.text;
        else reasoning += event.text;
        yield { type: event.type, columnId, text: event.text };
      } else if (event.type === "usage") usage = event.usage;
      else if (event.type === "finish") finishReason = event.finishReason;
      else if (event.type === "adjusted") adjusted = event;
    }
  } catch (error) {
    if (error instanceof AppError) failure = error.message;
    else {
      const upstream = toUpstreamError(error, "provider");
      if (upstream.kind === "aborted") stopped = true;
      else failure = upstream.message;
    }
  }

  const status: ColumnStats["status"] = stopped ? "stopped" : failure ? "error" : "done";
  const finalUsage = usage ?? estimateUsage(run.messages, text, reasoning, candidate !== null);
  const chosen = candidate as Candidate | null;
  const computed = chosen ? computeCostPico(finalUsage, chosen.price) : 0n;
  const cost = chooseCost(computed, finalUsage.upstreamCostPico);
  const stats: ColumnStats = {
    status,
    finishReason: stopped ? "stop" : finishReason,
    error: failure,
    provider: chosen?.provider.id ?? null,
    modelId: run.modelId,
    promptTokens: finalUsage.promptTokens,
    completionTokens: finalUsage.completionTokens,
    reasoningTokens: finalUsage.reasoningTokens,
    cachedTokens: finalUsage.cachedTokens,
    usageEstimated: finalUsage.estimated,
    costPico: cost.toString(),
    ttftMs,
    totalMs: Date.now() - started,
    ...(adjusted?.dropped.length ? { droppedParams: adjusted.dropped } : {}),
    ...(adjusted?.replayed ? { replayed: true } : {}),
  };

  const ledgerHandle = ledger as ReturnType<typeof startGeneration> | null;
  ledgerHandle?.finish({
    provider: chosen?.provider.id ?? "",
    upstreamModel: chosen?.upstreamModel ?? "",
    promptTokens: stats.promptTokens,
    completionTokens: stats.completionTokens,
    reasoningTokens: stats.reasoningTokens,
    cachedTokens: stats.cachedTokens,
    usageEstimated: stats.usageEstimated,
    costPico: cost,
    computedCostPico: computed,
    upstreamCostPico: finalUsage.upstreamCostPico ?? null,
    ttftMs,
    totalMs: stats.totalMs,
    status,
    finishReason: stats.finishReason,
    error: failure,
    attempts,
  });
  await run.persisted.catch(() => {});
  await finishAssistantMessage(messageId, { content: text, reasoning, stats, upstreamModel: chosen?.upstreamModel ?? null }).catch((error) =>
    console.error(`[chat] could not save message ${messageId}:`, error),
  );

  if (status === "error") yield { type: "column-error", columnId, messageId, error: failure ?? "Unknown error", stats };
  else yield { type: "column-end", columnId, messageId, stats };
}

/** No usage from upstream (not sent, or the stream was cut): count it ourselves. */
function estimateUsage(messages: ColumnRun["messages"], text: string, reasoning: string, reachedUpstream: boolean): Usage {
  const completion = countTokens(text) + countTokens(reasoning);
  return {
    promptTokens: reachedUpstream ? countPromptTokens(messages) : 0,
    completionTokens: completion,
    reasoningTokens: countTokens(reasoning),
    cachedTokens: 0,
    estimated: reachedUpstream,
  };
}
