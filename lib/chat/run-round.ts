// One upstream call of a column's answer (an answer with tool calls makes several): route,
// relay its events, and close its own ledger row with exact usage and cost.
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import { AppError } from "../errors";
import { settleUsage, ZERO_PRICE } from "../ledger/compute-cost";
import { countPromptTokens, estimateUsage } from "../ledger/estimate-usage";
import { newGenerationId, startGeneration } from "../ledger/ledger-writer";
import { countable, type WireMessage } from "../providers/quirks/message-rules";
import { toUpstreamError } from "../providers/upstream-error";
import type { Candidate } from "../router/resolve-model";
import { streamWithFallback, type Attempt } from "../router/stream-with-fallback";
import type { ChatEvent, Usage } from "../streaming/events";
import { ToolCallCollector, type AssembledToolCall } from "./collect-tool-calls";
import type { ColumnRun } from "./run-column";

export interface RoundResult {
  text: string;
  reasoning: string;
  usage: Usage;
  costPico: bigint;
  finishReason: string | null;
  toolCalls: AssembledToolCall[];
  candidate: Candidate | null;
  failure: string | null;
  stopped: boolean;
  firstTokenAt: number | null;
  dropped: string[];
  replayed: boolean;
}

/** Runs the round, handing the column's events to `emit` as they come. */
export async function runRound(
  run: ColumnRun,
  round: number,
  candidates: Candidate[],
  messages: ChatCompletionMessageParam[],
  tools: ChatCompletionTool[],
  emit: (event: ChatEvent) => void,
): Promise<RoundResult> {
  const { columnId } = run;
  const started = Date.now();
  const collector = new ToolCallCollector();
  const attempts: Attempt[] = [];
  const result: Omit<RoundResult, "usage" | "costPico" | "toolCalls"> = {
    text: "", reasoning: "", finishReason: null, candidate: null, failure: null, stopped: false, firstTokenAt: null, dropped: [], replayed: false,
  };
  let usage: Usage | null = null;
  let ledger: ReturnType<typeof startGeneration> | null = null;
  try {
    await streamWithFallback({
      candidates,
      messages,
      temperature: run.temperature,
      maxTokens: run.maxTokens,
      extra: tools.length ? { tools } : undefined,
      signal: run.signal,
      attempts,
      onCandidate: (next) => {
        result.candidate = next;
        // One ledger row per upstream call, opened as it starts; fallbacks are its attempts.
        ledger ??= startGeneration(newGenerationId(), {
          userId: run.userId, source: "chat", conversationId: run.conversationId, messageId: run.messageId,
          requestedModel: run.modelId, modelId: run.modelId, provider: next.provider.id, upstreamModel: next.upstreamModel,
          pricePromptPico: next.price.prompt, priceCompletionPico: next.price.completion,
          priceCachedPico: next.price.cachedPrompt ?? next.price.prompt, priceReasoningPico: next.price.reasoning ?? next.price.completion,
        });
      },
    }, (event) => {
      if (event.type === "start") emit({ type: "provider", columnId, provider: event.provider });
      else if (event.type === "text" || event.type === "reasoning") {
        result.firstTokenAt ??= Date.now();
        if (event.type === "text") result.text += event.text;
        else result.reasoning += event.text;
        emit({ type: event.type, columnId, text: event.text });
      } else if (event.type === "tool-call") {
        result.firstTokenAt ??= Date.now();
        collector.add(event);
      } else if (event.type === "usage") usage = event.usage;
      else if (event.type === "finish") result.finishReason = event.finishReason;
      else if (event.type === "adjusted") Object.assign(result, { dropped: event.dropped, replayed: event.replayed });
    });
  } catch (error) {
    if (error instanceof AppError) result.failure = error.message;
    else {
      const upstream = toUpstreamError(error, "provider");
      if (upstream.kind === "aborted") result.stopped = true;
      else result.failure = upstream.message;
    }
  }

  const toolCalls = collector.list(round);
  const candidate = result.candidate as Candidate | null;
  const answered = result.text + (toolCalls.length ? JSON.stringify(toolCalls) : "");
  const finalUsage = usage ?? estimateUsage(() => countPromptTokens(countable(messages as WireMessage[])), answered, result.reasoning, candidate !== null);
  const settled = settleUsage(finalUsage, candidate?.price ?? ZERO_PRICE);
  const status = result.stopped ? "stopped" : result.failure ? "error" : "done";
  (ledger as ReturnType<typeof startGeneration> | null)?.finish({
    provider: candidate?.provider.id ?? "",
    upstreamModel: candidate?.upstreamModel ?? "",
    ...settled,
    ttftMs: result.firstTokenAt === null ? null : result.firstTokenAt - started,
    totalMs: Date.now() - started,
    status,
    finishReason: result.stopped ? "stop" : result.finishReason,
    error: result.failure,
    attempts,
  });
  return { ...result, usage: finalUsage, costPico: settled.costPico, toolCalls };
}

