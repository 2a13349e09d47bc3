// The Responses API stream: the engine's chunks as OpenAI's documented event sequence.
//   response.created, response.in_progress
//   per output item (reasoning, message, function call, in the order the model produced them):
//     response.output_item.added
//     reasoning: content_part.added, reasoning_text.delta…, reasoning_text.done, content_part.done
//     message:   content_part.added, output_text.delta…, output_text.done, content_part.done
//     call:      function_call_arguments.delta…, function_call_arguments.done
//     response.output_item.done
//   response.completed | response.incomplete | response.failed (with the engine's usage and cost)
// Every event carries its sequence_number. Before the stream has begun a failure is an HTTP
// error in OpenAI's shape instead.
import type { CallOutcome } from "../calls/call-outcome";
import { stopMessage } from "../calls/live-calls";
import { EventStreamSink, stoppedByServer } from "../api-v1/event-stream-sink";
import { openAiErrorBody } from "../api-v1/openai-error";
import type { ChunkView, ToolCallDelta } from "../providers/chunk-reader";
import type { ServerResponse } from "node:http";
import { finalResponse, functionCallItem, itemId, messageItem, reasoningItem, type FunctionCallItem, type MessageItem, type OutputItem, type ReasoningItem, type ResponseObject } from "./response-object";

type Open =
  | { kind: "message"; index: number; item: MessageItem }
  | { kind: "reasoning"; index: number; item: ReasoningItem }
  | { kind: "call"; index: number; item: FunctionCallItem; toolIndex: number };

export class ResponsesStreamSink extends EventStreamSink {
  private sequence = 0;
  private readonly output: OutputItem[] = [];
  private open: Open | null = null;

  constructor(
    res: ServerResponse,
    private readonly shell: ResponseObject,
  ) {
    super(res, shell.id);
  }

  private event(type: string, fields: Record<string, unknown>): void {
    this.emit(type, { type, sequence_number: this.sequence++, ...fields });
  }

  protected opening(): void {
    this.event("response.created", { response: this.shell });
    this.event("response.in_progress", { response: this.shell });
  }

  protected keepAliveEvent(): void {
    this.comment("SWITCHYARD PROCESSING");
  }

  protected content(view: ChunkView): void {
    if (view.reasoning) this.reasoning(view.reasoning);
    if (view.text) this.text(view.text);
    for (const delta of view.toolCalls ?? []) this.toolCall(delta);
  }

  private add(open: Open): void {
    this.closeItem();
    this.open = open;
    this.output.push(open.item);
    this.event("response.output_item.added", { output_index: open.index, item: { ...open.item, ...emptied(open.item) } });
  }

  private reasoning(text: string): void {
    if (this.open?.kind !== "reasoning") {
      const index = this.output.length;
      this.add({ kind: "reasoning", index, item: reasoningItem(itemId("rs", this.shell.id, index), "", "in_progress") });
      this.event("response.content_part.added", { item_id: this.open!.item.id, output_index: index, content_index: 0, part: { type: "reasoning_text", text: "" } });
    }
    const open = this.open as Extract<Open, { kind: "reasoning" }>;
    open.item.content[0].text += text;
    this.event("response.reasoning_text.delta", { item_id: open.item.id, output_index: open.index, content_index: 0, delta: text });
  }

  private text(text: string): void {
    if (this.open?.kind !== "message") {
      const index = this.output.length;
      this.add({ kind: "message", index, item: messageItem(itemId("msg", this.shell.id, index), "", "in_progress") });
      this.event("response.content_part.added", { item_id: this.open!.item.id, output_index: index, content_index: 0, part: { type: "output_text", text: "", annotations: [], logprobs: [] } });
    }
    const open = this.open as Extract<Open, { kind: "message" }>;
    open.item.content[0].text += text;
    this.event("response.output_text.delta", { item_id: open.item.id, output_index: open.index, content_index: 0, delta: text, logprobs: [] });
  }

  private toolCall(delta: ToolCallDelta): void {
    const toolIndex = typeof delta.index === "number" ? delta.index : 0;
    if (this.open?.kind !== "call" || this.open.toolIndex !== toolIndex) {
      const index = this.output.length;
      // A call without an id gets the one the engine's outcome gives it (tool-calls.ts).
      const call = { id: delta.id || `call_0_${toolIndex}`, name: delta.function?.name ?? "", arguments: "" };
      this.add({ kind: "call", index, toolIndex, item: functionCallItem(itemId("fc", this.shell.id, index), call, "in_progress") });
    } else if (delta.function?.name) this.open.item.name += delta.function.name;
    const open = this.open as Extract<Open, { kind: "call" }>;
    const piece = delta.function?.arguments;
    if (!piece) return;
    open.item.arguments += piece;
    this.event("response.function_call_arguments.delta", { item_id: open.item.id, output_index: open.index, delta: piece });
  }

  /** Ends the item being streamed: "incomplete" when the answer broke off in it. */
  private closeItem(status = "completed"): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    const at = { item_id: open.item.id, output_index: open.index };
    if (open.kind === "message") {
      const part = open.item.content[0];
      this.event("response.output_text.done", { ...at, content_index: 0, text: part.text, logprobs: [] });
      this.event("response.content_part.done", { ...at, content_index: 0, part });
    } else if (open.kind === "reasoning") {
      const part = open.item.content[0];
      this.event("response.reasoning_text.done", { ...at, content_index: 0, text: part.text });
      this.event("response.content_part.done", { ...at, content_index: 0, part });
    } else {
      this.event("response.function_call_arguments.done", { ...at, name: open.item.name, arguments: open.item.arguments });
    }
    open.item.status = status;
    this.event("response.output_item.done", { output_index: open.index, item: open.item });
  }

  /**
   * The final Response, once the call is over (open items are closed now). Null when the
   * stream never began and the call failed: then `end` answers with an HTTP error.
   */
  settle(outcome: CallOutcome): ResponseObject | null {
    this.stopKeepAlive();
    if (this.failedBeforeStart(outcome)) return null;
    const failure = outcome.status === "error" ? outcome.error!.message : stoppedByServer(outcome) ? stopMessage(outcome.stopReason!) : null;
    this.closeItem(failure === null && outcome.finishReason !== "length" ? "completed" : "incomplete");
    return finalResponse(this.shell, outcome, this.output, failure);
  }

  /** The last event (response.completed, .incomplete or .failed), or the HTTP error. */
  end(outcome: CallOutcome, response: ResponseObject | null): void {
    if (response === null) return this.sendHttpError(outcome, openAiErrorBody);
    this.finishWith(() => this.event(`response.${response.status}`, { response }));
  }
}

/** An item as output_item.added announces it: before any of its content. */
function emptied(item: OutputItem): Partial<OutputItem> {
  if (item.type === "message") return { content: [] };
  if (item.type === "reasoning") return { content: [] };
  return { arguments: "" };
}
