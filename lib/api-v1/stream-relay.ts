// Relays an upstream chat.completion.chunk SSE stream event by event. Bytes of ordinary
// chunks go through as they came, but for the id and model (renamed to the generation id and
// the requested model, as OpenRouter does); only what accounting needs is read: first token,
// text (for estimates if usage never comes), finish reason and usage. The usage chunk is
// the one rewritten, to carry the cost and the provider.
import { settleUsage, type PricePico } from "../ledger/compute-cost";
import { picoToUsdString } from "../ledger/usd";
import { normaliseUsage } from "../providers/stream-chat";
import { midStreamError, UpstreamError } from "../providers/upstream-error";
import type { Usage } from "../streaming/events";

export interface RelayState {
  sentContent: boolean;
  firstTokenAt: number | null;
  text: string;
  finishReason: string | null;
  usage: Usage | null;
  sawDone: boolean;
}

export class StreamRelay {
  readonly state: RelayState = { sentContent: false, firstTokenAt: null, text: "", finishReason: null, usage: null, sawDone: false };
  private buffer = "";
  private readonly decoder = new TextDecoder();
  private rename: [string, string][] | null = null;

  constructor(
    private readonly generationId: string,
    private readonly requestedModel: string,
    private readonly providerLabel: string,
    /** The serving endpoint's price, for the cost added to the usage chunk. */
    private readonly price: PricePico,
  ) {}

  /** Feeds upstream bytes; returns the text to write to the client now. */
  push(bytes: Uint8Array): string {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    // CRLF and CR line ends become LF; a trailing CR waits, it may be half of a CRLF.
    const held = this.buffer.endsWith("\r") ? "\r" : "";
    this.buffer = (held ? this.buffer.slice(0, -1) : this.buffer).replace(/\r\n?/g, "\n");
    let out = "";
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end === -1) break;
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      out += this.relayEvent(block);
    }
    this.buffer += held;
    return out;
  }

  private relayEvent(block: string): string {
    const dataLines = block.split("\n").filter((line) => line.startsWith("data:"));
    if (dataLines.length === 0) return block.startsWith(":") ? `${block}\n\n` : "";
    const data = dataLines.map((line) => line.slice(line.startsWith("data: ") ? 6 : 5)).join("\n");
    if (data === "[DONE]") {
      this.state.sawDone = true;
      return "";
    }
    let chunk: ChunkShape;
    try {
      chunk = JSON.parse(data) as ChunkShape;
    } catch {
      throw new UpstreamError(`${this.providerLabel} sent a malformed stream event`, null, "stream");
    }
    if (chunk.error) throw midStreamError(chunk.error, this.providerLabel);
    if (!this.rename) {
      this.rename = [];
      if (chunk.id) this.rename.push([`"id":"${chunk.id}"`, `"id":"${this.generationId}"`]);
      if (chunk.model) this.rename.push([`"model":"${chunk.model}"`, `"model":"${this.requestedModel}"`]);
    }
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      const piece = delta.content ?? "";
      const reasoning = delta.reasoning ?? delta.reasoning_content ?? "";
      if (piece || reasoning || delta.tool_calls) {
        this.state.sentContent = true;
        this.state.firstTokenAt ??= Date.now();
        this.state.text += piece + reasoning + (delta.tool_calls ? JSON.stringify(delta.tool_calls) : "");
      }
      if (choice.finish_reason) this.state.finishReason = choice.finish_reason;
    }
    if (chunk.usage) {
      const usage = normaliseUsage(chunk.usage);
      this.state.usage = usage;
      const cost = settleUsage(usage, this.price).costPico;
      const rewritten = { ...chunk, id: this.generationId, model: this.requestedModel, provider: this.providerLabel, usage: { ...chunk.usage, cost: Number(picoToUsdString(cost)) } };
      return `data: ${JSON.stringify(rewritten)}\n\n`;
    }
    let text = data;
    for (const [from, to] of this.rename) text = text.replace(from, to);
    return `data: ${text}\n\n`;
  }
}

interface ChunkShape {
  id?: string;
  model?: string;
  error?: { message?: string; code?: number };
  choices?: { delta?: { content?: string | null; reasoning?: string | null; reasoning_content?: string | null; tool_calls?: unknown[] }; finish_reason?: string | null }[];
  usage?: Parameters<typeof normaliseUsage>[0];
}

/** The chunk that ends a stream whose upstream failed after the first token (OpenRouter's way). */
export function errorChunk(generationId: string, model: string, message: string, code: number): string {
  const chunk = {
    id: generationId,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }],
    error: { code, message },
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}
