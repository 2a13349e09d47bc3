// The Message object of Anthropic's Messages API, made from the engine's outcome: content
// blocks (thinking, text, tool_use), the stop reason, and the engine's usage in Anthropic's
// terms — input tokens excluding the cached and cache-written ones, which are reported apart.
import type { CallOutcome } from "../calls/call-outcome";
import type { AssembledToolCall } from "../calls/tool-calls";
import { picoToUsdString } from "../ledger/usd";

const STOP_REASONS: Record<string, string> = { length: "max_tokens", tool_calls: "tool_use", function_call: "tool_use", content_filter: "refusal" };

/** Chat completions' finish reason as Anthropic's stop reason (a stop sequence reads as end_turn: OpenAI does not say which). */
export function stopReasonOf(outcome: CallOutcome): string {
  if (outcome.toolCalls.length && outcome.finishReason !== "length") return "tool_use";
  return STOP_REASONS[outcome.finishReason ?? ""] ?? "end_turn";
}

/** The engine's usage as Anthropic reports it, plus the cost in USD (and `estimated` when Switchyard counted). */
export function anthropicUsage(outcome: CallOutcome): Record<string, unknown> {
  const { usage } = outcome;
  return {
    input_tokens: Math.max(0, usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens),
    output_tokens: usage.completionTokens,
    cache_read_input_tokens: usage.cachedTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
    output_tokens_details: { thinking_tokens: usage.reasoningTokens },
    cost: Number(picoToUsdString(outcome.costPico)),
    ...(usage.estimated ? { estimated: true } : {}),
  };
}

export function thinkingBlock(thinking: string): Record<string, unknown> {
  // No provider behind chat completions signs its reasoning; the field is there for clients that read it.
  return { type: "thinking", thinking, signature: "" };
}

export function textBlock(text: string): Record<string, unknown> {
  return { type: "text", text, citations: null };
}

export function toolUseBlock(call: Pick<AssembledToolCall, "id" | "name">, input: unknown): Record<string, unknown> {
  return { type: "tool_use", id: call.id, name: call.name, input };
}

/** A tool call's arguments as the object Anthropic's `input` is (a model's malformed JSON is kept as text). */
export function toolInput(args: string): unknown {
  if (!args.trim()) return {};
  try {
    return JSON.parse(args);
  } catch {
    return { _raw: args };
  }
}

/** The Message before any content: what message_start announces. */
export function messageShell(id: string, model: string): Record<string, unknown> {
  return { id, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } };
}

export function wholeMessage(outcome: CallOutcome, model: string): Record<string, unknown> {
  const content = [
    ...(outcome.reasoning ? [thinkingBlock(outcome.reasoning)] : []),
    ...(outcome.text ? [textBlock(outcome.text)] : []),
    ...outcome.toolCalls.map((call) => toolUseBlock(call, toolInput(call.arguments))),
  ];
  return { ...messageShell(outcome.generationId, model), content, stop_reason: stopReasonOf(outcome), usage: anthropicUsage(outcome) };
}
