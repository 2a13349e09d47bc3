// The chatroom's sink on the one engine: a column's chunks become its events (the provider
// that answers, text, reasoning), and the answer so far is kept for checkpoints.
import type { CallSink } from "../calls/run-call";
import type { ChunkView } from "../providers/chunk-reader";
import type { Candidate } from "../router/resolve-model";
import type { ChatEvent } from "../streaming/events";

export class ChatSink implements CallSink {
  text = "";
  reasoning = "";

  constructor(
    private readonly columnId: string,
    private readonly emit: (event: ChatEvent) => void,
  ) {}

  opened(candidate: Candidate): void {
    // A fallback that answers starts the answer again.
    this.text = "";
    this.reasoning = "";
    this.emit({ type: "provider", columnId: this.columnId, provider: candidate.provider.id });
  }

  chunk(view: ChunkView): void {
    if (view.reasoning) {
      this.reasoning += view.reasoning;
      this.emit({ type: "reasoning", columnId: this.columnId, text: view.reasoning });
    }
    if (view.text) {
      this.text += view.text;
      this.emit({ type: "text", columnId: this.columnId, text: view.text });
    }
  }
}
