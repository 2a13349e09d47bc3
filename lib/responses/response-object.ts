// The Response object of OpenAI's Responses API: what the request asked for echoed back, the
// output items, and the engine's usage and cost in Responses' terms. Streaming and
// non-streaming answers and stored responses are all built here.
import type { CallOutcome } from "../calls/call-outcome";
import type { AssembledToolCall } from "../calls/tool-calls";
import { picoToUsdString } from "../ledger/usd";
import type { ResponsesRequest } from "./responses-request-schema";

export type MessageItem = { type: "message"; id: string; role: "assistant"; status: string; content: { type: "output_text"; text: string; annotations: unknown[]; logprobs: unknown[] }[] };
export type FunctionCallItem = { type: "function_call"; id: string; call_id: string; name: string; arguments: string; status: string };
export type ReasoningItem = { type: "reasoning"; id: string; summary: unknown[]; content: { type: "reasoning_text"; text: string }[]; status: string };
export type OutputItem = MessageItem | FunctionCallItem | ReasoningItem;

export type ResponseObject = Record<string, unknown> & { id: string; status: string; output: OutputItem[] };

/** What every event and the final object carry, fixed when the call starts. */
export function responseShell(request: ResponsesRequest, id: string, requestedModel: string, createdAt: number): ResponseObject {
  return {
    id,
    object: "response",
    created_at: createdAt,
    status: "in_progress",
    background: false,
    error: null,
    incomplete_details: null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: requestedModel,
    output: [],
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: request.reasoning?.summary ?? null },
    store: request.store ?? true,
    temperature: request.temperature ?? null,
    text: { format: request.text?.format ?? { type: "text" }, verbosity: request.text?.verbosity ?? "medium" },
    tool_choice: request.tool_choice ?? "auto",
    tools: request.tools ?? [],
    top_p: request.top_p ?? null,
    truncation: request.truncation ?? "disabled",
    usage: null,
    user: request.user ?? null,
    metadata: request.metadata ?? {},
  };
}

/** Item ids share the generation's id, so an item names the call it came from. */
export function itemId(prefix: "msg" | "fc" | "rs", responseId: string, index: number): string {
  return `${prefix}_${responseId.replace(/^gen-/, "")}_${index}`;
}

export function messageItem(id: string, text: string, status: string): MessageItem {
  return { type: "message", id, role: "assistant", status, content: [{ type: "output_text", text, annotations: [], logprobs: [] }] };
}

export function reasoningItem(id: string, text: string, status: string): ReasoningItem {
  return { type: "reasoning", id, summary: [], content: [{ type: "reasoning_text", text }], status };
}

export function functionCallItem(id: string, call: AssembledToolCall, status: string): FunctionCallItem {
  return { type: "function_call", id, call_id: call.id, name: call.name, arguments: call.arguments, status };
}

/** The output of a whole (non-streamed) answer: reasoning, then text, then its function calls. */
export function outputOf(outcome: CallOutcome): OutputItem[] {
  const id = outcome.generationId;
  const items: OutputItem[] = [];
  if (outcome.reasoning) items.push(reasoningItem(itemId("rs", id, items.length), outcome.reasoning, "completed"));
  if (outcome.text) items.push(messageItem(itemId("msg", id, items.length), outcome.text, "completed"));
  for (const call of outcome.toolCalls) items.push(functionCallItem(itemId("fc", id, items.length), call, "completed"));
  // Cut by the output limit: the last item is where it broke off.
  if (outcome.finishReason === "length" && items.length) items[items.length - 1].status = "incomplete";
  return items;
}

/** The engine's usage as Responses reports it, with OpenRouter's `cost` (USD) and Switchyard's `estimated`. */
export function responsesUsage(outcome: CallOutcome): Record<string, unknown> {
  const { usage } = outcome;
  return {
    input_tokens: usage.promptTokens,
    input_tokens_details: { cached_tokens: usage.cachedTokens, cache_write_tokens: usage.cacheWriteTokens },
    output_tokens: usage.completionTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens },
    total_tokens: usage.promptTokens + usage.completionTokens,
    cost: Number(picoToUsdString(outcome.costPico)),
    ...(usage.estimated ? { estimated: true } : {}),
  };
}

const INCOMPLETE: Record<string, string> = { length: "max_output_tokens", content_filter: "content_filter" };

/** The finished Response: completed, incomplete (cut by the output limit or a filter), or failed. */
export function finalResponse(shell: ResponseObject, outcome: CallOutcome, output: OutputItem[], failure: string | null): ResponseObject {
  const incomplete = failure === null ? INCOMPLETE[outcome.finishReason ?? ""] : undefined;
  const status = failure !== null ? "failed" : incomplete ? "incomplete" : "completed";
  return {
    ...shell,
    status,
    ...(status === "completed" ? { completed_at: Math.floor(Date.now() / 1000) } : {}),
    error: failure === null ? null : { code: "server_error", message: failure },
    incomplete_details: incomplete ? { reason: incomplete } : null,
    output,
    usage: responsesUsage(outcome),
  };
}
