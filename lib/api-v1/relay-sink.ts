// The chat completions stream: the provider's chunks relayed as they came, with two
// position-safe edits (the generation id and the requested model, as OpenRouter does; null
// `usage` and `system_fingerprint` left out, as OpenRouter does) and
// the usage chunk completed with the cost. Keep-alive comments go out while the first token
// is slow; the end is `data: [DONE]`, after an error chunk when the call failed or the server
// is stopping, and after a usage chunk counted by Switchyard when the client asked for usage
// and the provider sent none.
import type { ServerResponse } from "node:http";
import type { CallOutcome } from "../calls/call-outcome";
import { stopMessage } from "../calls/live-calls";
import { settleUsage } from "../ledger/compute-cost";
import type { ChunkView } from "../providers/chunk-reader";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import type { Candidate } from "../router/resolve-model";
import { errorChunk, failureStatus } from "./call-failure";
import { EventStreamSink, stoppedByServer } from "./event-stream-sink";
import { openAiErrorBody } from "./openai-error";
import { openAiUsage } from "./openai-usage";
import { ChunkRenamer } from "./top-level-fields";

// OpenAI sends these as null on every chunk; OpenRouter (whose SDK checks) leaves them out.
const ABSENT_WHEN_NULL = ["usage", "system_fingerprint"];

export class RelaySink extends EventStreamSink {
  private served: Candidate | null = null;
  private sawUsage = false;
  private readonly renamer: ChunkRenamer;

  constructor(
    res: ServerResponse,
    generationId: string,
    private readonly requestedModel: string,
    /** The client asked for `stream_options.include_usage`. */
    private readonly includeUsage: boolean,
  ) {
    super(res, generationId);
    this.renamer = new ChunkRenamer({ id: generationId, model: requestedModel }, ABSENT_WHEN_NULL);
  }

  protected opening(): void {}

  protected keepAliveEvent(): void {
    this.comment("SWITCHYARD PROCESSING");
  }

  protected content(): void {}

  opened(candidate: Candidate, request: NormalisedRequest, source?: "upstream" | "cache"): void {
    this.served = candidate;
    super.opened(candidate, request, source);
  }

  /** Every chunk is relayed, not only those with content. */
  chunk(view: ChunkView, content: boolean): void {
    super.chunk(view, content);
    if (view.usage) {
      this.sawUsage = true;
      const cost = this.fromCache ? 0n : settleUsage(view.usage, this.served!.price).costPico;
      const usage = { ...view.chunk.usage, ...openAiUsage(view.usage, cost) };
      const chunk = { ...view.chunk, id: this.generationId, model: this.requestedModel, provider: this.served!.provider.label, usage, system_fingerprint: view.chunk.system_fingerprint ?? undefined };
      this.write(`data: ${JSON.stringify(chunk)}\n\n`);
    } else {
      this.write(`data: ${this.renamer.rename(view.data)}\n\n`);
    }
  }

  /** The call is over: its last events, or a plain error when nothing was sent yet. */
  end(outcome: CallOutcome): void {
    if (this.failedBeforeStart(outcome)) return this.sendHttpError(outcome, openAiErrorBody);
    const failed = outcome.status === "error" || stoppedByServer(outcome);
    this.finishWith(() => {
      if (outcome.status === "done" && this.includeUsage && !this.sawUsage) {
        const usageChunk = { id: outcome.generationId, object: "chat.completion.chunk", created: Math.floor(outcome.started / 1000), model: this.requestedModel, provider: outcome.served.provider.label, choices: [], usage: openAiUsage(outcome.usage, outcome.costPico) };
        this.write(`data: ${JSON.stringify(usageChunk)}\n\n`);
      }
      if (failed) {
        const message = outcome.error?.message ?? stopMessage(outcome.stopReason ?? "shutdown");
        const code = outcome.error ? failureStatus(outcome.error).status : 503;
        this.write(errorChunk(outcome.generationId, this.requestedModel, message, code));
      }
      // A client that stopped the call itself has gone: no [DONE] is owed.
      if (outcome.status !== "stopped" || failed) this.write("data: [DONE]\n\n");
    });
  }
}
