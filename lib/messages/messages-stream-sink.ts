// The Messages API stream: the engine's chunks as Anthropic's event sequence.
//   message_start, ping
//   per content block (thinking, text, tool_use, in the order the model produced them):
//     content_block_start, content_block_delta (thinking_delta | text_delta | input_json_delta)…,
//     content_block_stop
//   message_delta (stop_reason, and the engine's usage), message_stop
// `ping` also keeps the connection warm while the first token is slow. A failure after the
// stream began is an `error` event; before, an HTTP error in Anthropic's shape.
import type { ServerResponse } from "node:http";
import type { CallOutcome } from "../calls/call-outcome";
import { stopMessage } from "../calls/live-calls";
import { failureStatus } from "../api-v1/call-failure";
import { EventStreamSink, stoppedByServer } from "../api-v1/event-stream-sink";
import type { ChunkView, ToolCallDelta } from "../providers/chunk-reader";
import { anthropicErrorBody, anthropicErrorType } from "./anthropic-error";
import { anthropicUsage, messageShell, stopReasonOf, textBlock, thinkingBlock, toolUseBlock } from "./anthropic-message";

type Open = { kind: "thinking" | "text" } | { kind: "tool_use"; toolIndex: number };

export class MessagesStreamSink extends EventStreamSink {
  private index = -1;
  private open: Open | null = null;

  constructor(
    res: ServerResponse,
    generationId: string,
    private readonly model: string,
  ) {
    super(res, generationId);
  }

  private event(type: string, fields: Record<string, unknown> = {}): void {
    this.emit(type, { type, ...fields });
  }

  protected opening(): void {
    this.event("message_start", { message: messageShell(this.generationId, this.model) });
    this.event("ping");
  }

  protected keepAliveEvent(): void {
    this.event("ping");
  }

  protected content(view: ChunkView): void {
    if (view.reasoning) this.delta("thinking", { type: "thinking_delta", thinking: view.reasoning });
    if (view.text) this.delta("text", { type: "text_delta", text: view.text });
    for (const call of view.toolCalls ?? []) this.toolCall(call);
  }

  private startBlock(open: Open, block: Record<string, unknown>): void {
    this.closeBlock();
    this.open = open;
    this.index += 1;
    this.event("content_block_start", { index: this.index, content_block: block });
  }

  private delta(kind: "thinking" | "text", delta: Record<string, unknown>): void {
    if (this.open?.kind !== kind) this.startBlock({ kind }, kind === "text" ? textBlock("") : thinkingBlock(""));
    this.event("content_block_delta", { index: this.index, delta });
  }

  private toolCall(delta: ToolCallDelta): void {
    const toolIndex = typeof delta.index === "number" ? delta.index : 0;
    if (this.open?.kind !== "tool_use" || this.open.toolIndex !== toolIndex) {
      // A call without an id gets the one the engine's outcome gives it (tool-calls.ts).
      this.startBlock({ kind: "tool_use", toolIndex }, toolUseBlock({ id: delta.id || `call_0_${toolIndex}`, name: delta.function?.name ?? "" }, {}));
    }
    const piece = delta.function?.arguments;
    if (piece) this.event("content_block_delta", { index: this.index, delta: { type: "input_json_delta", partial_json: piece } });
  }

  private closeBlock(): void {
    if (!this.open) return;
    this.open = null;
    this.event("content_block_stop", { index: this.index });
  }

  /** The last events: message_delta and message_stop, or an error event; or the HTTP error when nothing was sent. */
  end(outcome: CallOutcome): void {
    if (this.failedBeforeStart(outcome)) return this.sendHttpError(outcome, anthropicErrorBody);
    this.finishWith(() => {
      this.closeBlock();
      const failure = outcome.status === "error" ? outcome.error!.message : stoppedByServer(outcome) ? stopMessage(outcome.stopReason!) : null;
      if (failure !== null) {
        const status = outcome.error ? failureStatus(outcome.error).status : 503;
        this.event("error", { error: { type: anthropicErrorType(status), message: failure } });
        return;
      }
      this.event("message_delta", { delta: { stop_reason: stopReasonOf(outcome), stop_sequence: null }, usage: anthropicUsage(outcome) });
      this.event("message_stop");
    });
  }
}
