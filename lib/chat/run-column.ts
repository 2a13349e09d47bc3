// Runs one column's answer: one upstream call, or several when the model calls the
// conversation's built-in tools (each result fed back, at most MAX_TOOL_ROUNDS times). When
// it ends — done, stopped or failed — the message is saved with the sum of every call's
// usage and cost; each call has its own ledger row (run-round.ts).
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import { finishAssistantMessage } from "../db/messages";
import { AppError } from "../errors";
import { admitFreeTier } from "../limits/admit";
import { holdUserBudget, worstCaseRoundCost } from "../limits/user-budget";
import { freeTierProviderOf } from "../router/free-tier";
import type { WireMessage } from "../providers/quirks/message-rules";
import { planRoute } from "../router/plan-route";
import type { Candidate } from "../router/resolve-model";
import type { ChatEvent, ColumnStats } from "../streaming/events";
import { runChatTool, toolParameters } from "../tools/registry";
import type { ToolTraceEntry } from "../tools/trace";
import { runRound, type RoundResult } from "./run-round";

export const MAX_TOOL_ROUNDS = 4;

export interface ColumnRun {
  userId: string;
  conversationId: string;
  columnId: string;
  messageId: string;
  modelId: string;
  messages: ChatCompletionMessageParam[];
  temperature: number | null;
  maxTokens: number | null;
  /** Names of the built-in tools switched on for the conversation. */
  tools: string[];
  /** Resolves once the answer's row exists; its final state is written after that. */
  persisted: Promise<void>;
  signal: AbortSignal;
}

/** Runs the column to its end, handing its events to `emit`; never rejects for a failed answer (that is a column-error event). */
export async function runColumn(run: ColumnRun, emit: (event: ChatEvent) => void): Promise<void> {
  const { columnId, messageId } = run;
  const started = Date.now();
  emit({ type: "column-start", columnId, messageId, modelId: run.modelId });

  const rounds: RoundResult[] = [];
  const trace: ToolTraceEntry[] = [];
  let failure: string | null = null;
  try {
    const { candidates, tools } = plan(run);
    const messages = [...run.messages];
    // Free models have their provider's per-user caps (OpenRouter :free, Gemini free tier):
    // each round is one upstream request, refused here before the provider would.
    const freeTier = freeTierProviderOf(candidates[0]);
    for (let round = 0; ; round++) {
      if (freeTier) await admitFreeTier(run.userId, freeTier, candidates[0].upstreamModel);
      const hold = await holdUserBudget(run.userId, () => worstCaseRoundCost(candidates, messages as WireMessage[], run.maxTokens));
      let result: RoundResult | undefined;
      try {
        result = await runRound(run, round, candidates, messages, tools, emit);
      } finally {
        if (result) hold.settle(result.costPico);
        else hold.release();
      }
      rounds.push(result);
      if (result.failure || result.stopped || result.toolCalls.length === 0 || round >= MAX_TOOL_ROUNDS) break;
      messages.push({
        role: "assistant",
        content: result.text || null,
        tool_calls: result.toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
      });
      for (const call of result.toolCalls) {
        const entry: ToolTraceEntry = { round, ...call, result: null, ok: false };
        emit({ type: "tool-call", columnId, call: entry });
        const outcome = runChatTool(call.name, call.arguments);
        Object.assign(entry, { result: outcome.content, ok: outcome.ok });
        trace.push(entry);
        emit({ type: "tool-result", columnId, id: call.id, ok: outcome.ok, result: outcome.content });
        messages.push({ role: "tool", tool_call_id: call.id, content: outcome.content });
      }
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    failure = error.message;
  }

  const last = rounds.at(-1);
  const stopped = last?.stopped ?? false;
  failure ??= last?.failure ?? null;
  const status: ColumnStats["status"] = stopped ? "stopped" : failure ? "error" : "done";
  const candidate = [...rounds].reverse().find((r) => r.candidate)?.candidate as Candidate | undefined;
  const firstToken = rounds.find((r) => r.firstTokenAt !== null)?.firstTokenAt ?? null;
  const sum = (pick: (r: RoundResult) => number) => rounds.reduce((n, r) => n + pick(r), 0);
  const dropped = [...new Set(rounds.flatMap((r) => r.dropped))];
  const stats: ColumnStats = {
    status,
    finishReason: stopped ? "stop" : (last?.finishReason ?? null),
    error: failure,
    provider: candidate?.provider.id ?? null,
    modelId: run.modelId,
    promptTokens: sum((r) => r.usage.promptTokens),
    completionTokens: sum((r) => r.usage.completionTokens),
    reasoningTokens: sum((r) => r.usage.reasoningTokens),
    cachedTokens: sum((r) => r.usage.cachedTokens),
    usageEstimated: rounds.some((r) => r.usage.estimated),
    costPico: rounds.reduce((n, r) => n + r.costPico, 0n).toString(),
    ttftMs: firstToken === null ? null : firstToken - started,
    totalMs: Date.now() - started,
    ...(dropped.length ? { droppedParams: dropped } : {}),
    ...(rounds.some((r) => r.replayed) ? { replayed: true } : {}),
  };
  const content = rounds.map((r) => r.text).filter(Boolean).join("\n\n");
  const reasoning = rounds.map((r) => r.reasoning).filter(Boolean).join("\n\n");

  await run.persisted.catch(() => {});
  await finishAssistantMessage(messageId, { content, reasoning, stats, upstreamModel: candidate?.upstreamModel ?? null, toolTrace: trace }).catch((error) =>
    console.error(`[chat] could not save message ${messageId}:`, error),
  );

  if (status === "error") emit({ type: "column-error", columnId, messageId, error: failure ?? "Unknown error", stats });
  else emit({ type: "column-end", columnId, messageId, stats });
}

/** Where to send the column, with its tools — unless its model cannot call tools: then it answers without. */
function plan(run: ColumnRun): { candidates: Candidate[]; tools: ChatCompletionTool[] } {
  const tools = toolParameters(run.tools);
  if (tools.length === 0) return { candidates: planRoute([run.modelId]), tools };
  try {
    return { candidates: planRoute([run.modelId], {}, { tools: true, parameters: [] }), tools };
  } catch (error) {
    if (error instanceof AppError && error.code === "no_tool_support") return { candidates: planRoute([run.modelId]), tools: [] };
    throw error;
  }
}
