// Calls one provider with the SDK and normalises what comes back into UpstreamEvents. The
// request is shaped by the provider's quirks first; a model that cannot stream is called
// whole and its answer replayed. No SSE text is written here; encoders at the edge do that.
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { getEnv } from "../env";
import { usdToPico } from "../ledger/usd";
import type { UpstreamEvent, Usage } from "../streaming/events";
import { getProviderClient } from "./client";
import { Deadline } from "./deadline";
import { bodyChunks } from "./fast-fetch";
import { SseDecoder, type SseMessage } from "../streaming/sse";
import type { WireMessage } from "./quirks/message-rules";
import { normaliseRequest } from "./quirks/normalise-request";
import { completionToChunks } from "./quirks/replay-stream";
import type { ProviderConfig } from "./registry";
import { UpstreamError, midStreamError, toUpstreamError } from "./upstream-error";

type Emit = (event: UpstreamEvent) => void;

export interface ChatCall {
  provider: ProviderConfig;
  upstreamModel: string;
  messages: ChatCompletionMessageParam[];
  temperature?: number | null;
  maxTokens?: number | null;
  /** Further OpenAI parameters passed through as given (tools, seed, stop, ...). */
  extra?: Record<string, unknown>;
  /** The endpoint's limits from the catalog, for the quirks normaliser (unknown: null). */
  contextLength?: number | null;
  maxOutputTokens?: number | null;
  supportedParameters?: string[] | null;
  signal: AbortSignal;
}

/** Hands each event to `emit` as it arrives (a callback, not an async iterator: at thousands
 * of tokens a second, every layer of async iteration costs each token several promises).
 * Resolves when the answer is complete; rejects with an UpstreamError (or AppError). */
export async function streamChat(call: ChatCall, emit: Emit): Promise<void> {
  const { provider } = call;
  const env = getEnv();
  // Before any upstream call: a request that cannot fit is refused here (AppError, 400).
  const normalised = normaliseRequest(
    {
      ...(call.extra ?? {}),
      model: call.upstreamModel,
      messages: call.messages as WireMessage[],
      stream: true,
      ...(call.temperature != null ? { temperature: call.temperature } : {}),
      ...(call.maxTokens != null ? { max_tokens: call.maxTokens } : {}),
    },
    {
      provider,
      upstreamModel: call.upstreamModel,
      contextLength: call.contextLength ?? null,
      maxOutputTokens: call.maxOutputTokens ?? null,
      supportedParameters: call.supportedParameters ?? null,
    },
  );
  const controller = new AbortController();
  const abort = () => controller.abort();
  call.signal.addEventListener("abort", abort, { once: true });
  // No chunk for this long means the upstream is stuck.
  const deadline = new Deadline(abort);

  try {
    if (call.signal.aborted) throw new UpstreamError("Stopped", null, "aborted");
    deadline.arm(env.UPSTREAM_TIMEOUT_MS);
    const client = getProviderClient(provider);
    if (normalised.replay) {
      const completion = (await client.chat.completions.create(normalised.params as never, { signal: controller.signal })) as ChatCompletion;
      emit({ type: "start", provider: provider.id, upstreamModel: call.upstreamModel });
      emit({ type: "adjusted", dropped: normalised.dropped, replayed: true, trimmedMessages: normalised.trimmedMessages });
      for (const chunk of completionToChunks(completion)) emitChunk(chunk, provider, emit);
      return;
    }
    const params = normalised.params as unknown as ChatCompletionCreateParamsStreaming;
    // The SDK makes the request; its body is read here, not through the SDK's stream
    // iterator, which costs several times more per chunk.
    const response = await client.chat.completions.create(params, { signal: controller.signal }).asResponse();
    emit({ type: "start", provider: provider.id, upstreamModel: call.upstreamModel });
    if (normalised.dropped.length || normalised.trimmedMessages) {
      emit({ type: "adjusted", dropped: normalised.dropped, replayed: false, trimmedMessages: normalised.trimmedMessages });
    }
    const sse = new SseDecoder();
    const text = new TextDecoder();
    let done = false;
    for await (const bytes of bodyChunks(response)) {
      deadline.touch(env.UPSTREAM_IDLE_TIMEOUT_MS);
      for (const message of sse.push(text.decode(bytes, { stream: true }))) {
        // Read on to the end after [DONE]: a body left unread would close the kept-alive connection.
        done ||= message.data.startsWith("[DONE]");
        if (!done) emitChunk(parseChunk(message, provider), provider, emit);
      }
    }
    // An abort ends the body quietly or with an error: either way a stop (or a timeout), not a finish.
    if (controller.signal.aborted) throw new UpstreamError("Stopped", null, "aborted");
  } catch (error) {
    if (deadline.expired) throw new UpstreamError(`${provider.label} sent nothing for too long`, 408, "timeout");
    if (call.signal.aborted) throw new UpstreamError("Stopped", null, "aborted");
    throw toUpstreamError(error, provider.label);
  } finally {
    deadline.dispose();
    call.signal.removeEventListener("abort", abort);
  }
}

function parseChunk(message: SseMessage, provider: ProviderConfig): ChatCompletionChunk {
  let data: ChatCompletionChunk & { error?: { message?: string; code?: number } };
  try {
    data = JSON.parse(message.data);
  } catch {
    throw new UpstreamError(`${provider.label} sent a malformed stream event`, null, "stream");
  }
  if (message.event === "error") throw midStreamError(data.error ?? (data as { message?: string }), provider.label);
  return data;
}

type LooseDelta = { content?: string | null; reasoning?: string | null; reasoning_content?: string | null; tool_calls?: ChatCompletionChunk.Choice.Delta.ToolCall[] };

function emitChunk(chunk: ChatCompletionChunk, provider: ProviderConfig, emit: Emit): void {
  const failure = (chunk as unknown as { error?: { message?: string; code?: number } }).error;
  if (failure) throw midStreamError(failure, provider.label);
  for (const choice of chunk.choices ?? []) {
    const delta = (choice.delta ?? {}) as LooseDelta;
    const reasoning = delta.reasoning ?? delta.reasoning_content;
    if (reasoning) emit({ type: "reasoning", text: reasoning });
    if (delta.content) emit({ type: "text", text: delta.content });
    for (const call of delta.tool_calls ?? []) {
      emit({ type: "tool-call", index: call.index, id: call.id, name: call.function?.name, argumentsDelta: call.function?.arguments });
    }
    if (choice.finish_reason) emit({ type: "finish", finishReason: choice.finish_reason });
  }
  if (chunk.usage) emit({ type: "usage", usage: normaliseUsage(chunk.usage) });
}

type WireUsage = NonNullable<ChatCompletionChunk["usage"]> & { cost?: number | string | null };

export function normaliseUsage(usage: WireUsage): Usage {
  const cost = usage.cost;
  return {
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    estimated: false,
    upstreamCostPico: cost === undefined || cost === null ? undefined : usdToPico(cost),
  };
}
