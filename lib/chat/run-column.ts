// Runs one column's answer: one call on the engine, or several when the model calls the
// conversation's built-in tools (each result fed back, at most MAX_TOOL_ROUNDS times). Each
// call has its own ledger row; when the answer ends — done, stopped or failed — the message
// is saved with the sum of every call's usage and cost.
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { CallOutcome } from "../calls/call-outcome";
import { stopMessage, stopReasonOf } from "../calls/live-calls";
import { runCall } from "../calls/run-call";
import type { CallSpec } from "../calls/call-spec";
import { AppError } from "../errors";
import type { WireMessage } from "../providers/quirks/message-rules";
import type { ChatEvent } from "../streaming/events";
import { runChatTool } from "../tools/registry";
import type { ToolTraceEntry } from "../tools/trace";
import { ChatSink } from "./chat-sink";
import { columnStats } from "./column-stats";
import { columnTools } from "./column-tools";
import { finishAssistantMessage } from "../db/messages";
import { applyPreset } from "../presets/apply-preset";
import { samplingParams, type ColumnSamplingRow } from "./sampling-params";

export const MAX_TOOL_ROUNDS = 4;

export const MODEL_UNAVAILABLE = "Model unavailable: no configured provider serves this model now. Swap the column's model to go on.";

export interface ColumnRun {
  userId: string;
  conversationId: string;
  columnId: string;
  messageId: string;
  modelId: string;
  messages: ChatCompletionMessageParam[];
  /** The column's sampling settings, as stored (stop sequences as a JSON array). */
  settings: ColumnSamplingRow;
  /** Names of the built-in tools switched on for the conversation. */
  tools: string[];
  /** Images of this turn left out because the model takes text only (the column says so). */
  omittedImages?: number;
  /** Resolves once the answer's row exists; its final state is written after that. */
  persisted: Promise<void>;
  signal: AbortSignal;
}

/** The answer so far, for checkpoints: the text of finished rounds and the round streaming now. */
export interface ColumnProgress {
  rounds: string[];
  reasoning: string[];
  sink: ChatSink | null;
}

/** Runs the column to its end, handing its events to `emit`; never rejects for a failed answer (that is a column-error event). */
export async function runColumn(run: ColumnRun, emit: (event: ChatEvent) => void, progress: ColumnProgress): Promise<void> {
  const { columnId, messageId } = run;
  const started = Date.now();
  emit({ type: "column-start", columnId, messageId, modelId: run.modelId });

  const rounds: CallOutcome[] = [];
  const trace: ToolTraceEntry[] = [];
  let refusal: string | null = null;
  try {
    const tools = columnTools(run.modelId, run.tools);
    const messages = [...run.messages];
    for (let round = 0; ; round++) {
      const sink = (progress.sink = new ChatSink(columnId, emit));
      // A column may name a preset ("@preset/<slug>"): its models, parameters and system prompt apply.
      const spec = await applyPreset<CallSpec>(run.userId, {
        caller: { userId: run.userId, source: "chat", key: null, conversationId: run.conversationId, messageId },
        requestedModel: run.modelId,
        models: [run.modelId],
        body: {
          messages: messages as WireMessage[],
          ...samplingParams(run.settings),
          ...(tools.length ? { tools } : {}),
        },
        signal: run.signal,
      });
      const outcome = await runCall(spec, sink);
      rounds.push(outcome);
      progress.sink = null;
      if (outcome.text) progress.rounds.push(outcome.text);
      if (outcome.reasoning) progress.reasoning.push(outcome.reasoning);
      if (outcome.status !== "done" || outcome.toolCalls.length === 0 || round >= MAX_TOOL_ROUNDS) break;
      messages.push({
        role: "assistant",
        content: outcome.text || null,
        tool_calls: outcome.toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
      });
      for (const call of outcome.toolCalls) {
        const entry: ToolTraceEntry = { round, ...call, result: null, ok: false };
        emit({ type: "tool-call", columnId, call: entry });
        const result = runChatTool(call.name, call.arguments);
        Object.assign(entry, { result: result.content, ok: result.ok });
        trace.push(entry);
        emit({ type: "tool-result", columnId, id: call.id, ok: result.ok, result: result.content });
        messages.push({ role: "tool", tool_call_id: call.id, content: result.content });
      }
    }
  } catch (error) {
    // Refused before any call (budget, free tier, a prompt too long for the model).
    if (!(error instanceof AppError)) throw error;
    // The reader can do nothing with a server setting here: the column offers a swap instead.
    refusal = error.code === "model_not_found" ? MODEL_UNAVAILABLE : error.message;
  }

  const stopReason = run.signal.aborted ? stopReasonOf(run.signal) : null;
  const stats = columnStats(run.modelId, rounds, { started, refusal, stopText: stopReason && stopReason !== "client" && stopReason !== "user" ? stopMessage(stopReason) : null });
  if (run.omittedImages) stats.omittedImages = run.omittedImages;
  await run.persisted.catch(() => {});
  await finishAssistantMessage(messageId, {
    content: progress.rounds.join("\n\n"),
    reasoning: progress.reasoning.join("\n\n"),
    stats,
    upstreamModel: rounds.at(-1)?.served.upstreamModel ?? null,
    toolTrace: trace,
  }).catch((error) => console.error(`[chat] could not save message ${messageId}:`, error));

  // A column the server stopped (restart, disabled account) ends with an error its reader sees.
  if (stats.status === "error" || stats.error) emit({ type: "column-error", columnId, messageId, error: stats.error ?? "Unknown error", stats });
  else emit({ type: "column-end", columnId, messageId, stats });
}
