// Reads a provider's chat.completion.chunk stream: bytes in, one ChunkView per event out,
// each with what accounting needs already read (text, reasoning, tool-call deltas, finish
// reason, usage) through the provider's response quirks. The one reader of upstream streams:
// the chatroom turns views into its events, the API relays their JSON as it came.
import type { Usage } from "../ledger/usage";
import { SseDecoder, type SseMessage } from "../streaming/sse";
import type { ResponseQuirks } from "./presets";
import { readUsage, reasoningOf, usageBlockOf } from "./read-usage";
import { midStreamError, UpstreamError } from "./upstream-error";

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

export interface WireChunk {
  id?: string;
  model?: string;
  choices?: { index?: number; delta?: Record<string, unknown>; finish_reason?: string | null; logprobs?: unknown }[];
  usage?: Record<string, unknown> | null;
  error?: { message?: string; code?: number };
  [key: string]: unknown;
}

export interface ChunkView {
  /** The event's JSON exactly as the provider sent it. */
  data: string;
  chunk: WireChunk;
  /** This chunk's answer text, reasoning text and tool-call deltas (first choice). */
  text: string;
  reasoning: string;
  toolCalls: ToolCallDelta[] | null;
  finishReason: string | null;
  usage: Usage | null;
}

export class ChunkReader {
  private readonly sse = new SseDecoder();
  private readonly utf8 = new TextDecoder();
  /** The provider said `[DONE]`; anything after it is read (keeping the connection reusable) and ignored. */
  done = false;

  constructor(
    private readonly quirks: ResponseQuirks,
    private readonly providerLabel: string,
    private readonly onChunk: (view: ChunkView) => void,
  ) {}

  push(bytes: Uint8Array): void {
    this.sse.feed(this.utf8.decode(bytes, { stream: true }), this.onMessage);
  }

  /** The body ended: a last event without its blank line still counts. */
  end(): void {
    const rest = this.utf8.decode();
    if (rest) this.sse.feed(rest, this.onMessage);
    for (const message of this.sse.flush()) this.onMessage(message);
  }

  private readonly onMessage = (message: SseMessage): void => {
    if (this.done) return;
    const data = message.data;
    if (data === "[DONE]") {
      this.done = true;
      return;
    }
    let chunk: WireChunk;
    try {
      chunk = JSON.parse(data) as WireChunk;
    } catch {
      throw new UpstreamError(`${this.providerLabel} sent a malformed stream event`, null, "stream");
    }
    if (chunk === null || typeof chunk !== "object") throw new UpstreamError(`${this.providerLabel} sent a malformed stream event`, null, "stream");
    // OpenRouter reports a failure after the first byte as a chunk carrying `error`; others as an `error` event.
    if (chunk.error || message.event === "error") throw midStreamError(chunk.error ?? (chunk as { message?: string }), this.providerLabel);
    this.onChunk(viewOf(data, chunk, this.quirks));
  };
}

/** What accounting reads from one chunk (also used to replay a whole answer as chunks). */
export function viewOf(data: string, chunk: WireChunk, quirks: ResponseQuirks): ChunkView {
  const choice = chunk.choices?.[0];
  const delta = choice?.delta;
  const content = delta?.content;
  const usage = usageBlockOf(chunk, quirks);
  return {
    data,
    chunk,
    text: typeof content === "string" ? content : "",
    reasoning: delta ? reasoningOf(delta, quirks) : "",
    toolCalls: Array.isArray(delta?.tool_calls) ? (delta.tool_calls as ToolCallDelta[]) : null,
    finishReason: choice?.finish_reason ?? null,
    usage: usage ? readUsage(usage, quirks) : null,
  };
}
