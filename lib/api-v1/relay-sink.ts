// The chat completions stream: the provider's chunks relayed as they came, with two
// position-safe edits (the generation id and the requested model, as OpenRouter does) and
// the usage chunk completed with the cost. Keep-alive comments go out while the first token
// is slow; the end is `data: [DONE]`, after an error chunk when the call failed or the server
// is stopping, and after a usage chunk counted by Switchyard when the client asked for usage
// and the provider sent none.
import type { ServerResponse } from "node:http";
import type { CallOutcome } from "../calls/call-outcome";
import { adjustmentHeaders } from "../calls/plan-call";
import type { CallSink } from "../calls/run-call";
import { stopMessage } from "../calls/live-calls";
import { settleUsage } from "../ledger/compute-cost";
import { SSE_HEADERS } from "../http/sse-headers";
import type { ChunkView } from "../providers/chunk-reader";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import type { Candidate } from "../router/resolve-model";
import { errorChunk, failureStatus } from "./call-failure";
import { openAiErrorBody } from "./openai-error";
import { openAiUsage } from "./openai-usage";
import { replaceTopLevelStrings } from "./top-level-fields";

const KEEP_ALIVE_AFTER_MS = 2_000;
const KEEP_ALIVE_EVERY_MS = 5_000;

export class RelaySink implements CallSink {
  private pending = "";
  private served: Candidate | null = null;
  private request: NormalisedRequest | undefined;
  private fromCache = false;
  private sawUsage = false;
  private keepAlive: NodeJS.Timeout | undefined;
  private readonly names: Record<string, string>;

  constructor(
    private readonly res: ServerResponse,
    private readonly generationId: string,
    private readonly requestedModel: string,
    /** The client asked for `stream_options.include_usage`. */
    private readonly includeUsage: boolean,
  ) {
    this.names = { id: generationId, model: requestedModel };
    // Proxies cut idle connections: while no token has come, say we are still here.
    this.keepAlive = setTimeout(this.ping, KEEP_ALIVE_AFTER_MS);
  }

  private readonly ping = () => {
    this.sendHeaders();
    this.res.write(": SWITCHYARD PROCESSING\n\n");
    this.keepAlive = setTimeout(this.ping, KEEP_ALIVE_EVERY_MS);
  };

  private sendHeaders(): void {
    if (this.res.headersSent) return;
    this.res.writeHead(200, { ...SSE_HEADERS, ...adjustmentHeaders(this.request, this.fromCache), "x-generation-id": this.generationId });
  }

  opened(candidate: Candidate, request: NormalisedRequest, source?: "upstream" | "cache"): void {
    this.served = candidate;
    this.request = request;
    this.fromCache = source === "cache";
    this.sendHeaders();
  }

  chunk(view: ChunkView, content: boolean): void {
    if (content && this.keepAlive) {
      clearTimeout(this.keepAlive);
      this.keepAlive = undefined;
    }
    if (view.usage) {
      this.sawUsage = true;
      const cost = settleUsage(view.usage, this.served!.price).costPico;
      const usage = { ...view.chunk.usage, ...openAiUsage(view.usage, cost) };
      this.pending += `data: ${JSON.stringify({ ...view.chunk, ...this.names, provider: this.served!.provider.label, usage })}\n\n`;
    } else {
      this.pending += `data: ${replaceTopLevelStrings(view.data, this.names)}\n\n`;
    }
  }

  flush(): void {
    if (this.pending === "") return;
    this.res.write(this.pending);
    this.pending = "";
  }

  /** The call is over: its last events, or a plain error when nothing was sent yet. */
  end(outcome: CallOutcome): void {
    clearTimeout(this.keepAlive);
    this.flush();
    const { res } = this;
    if (res.destroyed) return;
    const failed = outcome.status === "error" || (outcome.status === "stopped" && outcome.stopReason !== "client" && outcome.stopReason !== "user");
    if (!res.headersSent && outcome.status === "error") {
      const { status, code } = failureStatus(outcome.error);
      res.writeHead(status, { "content-type": "application/json", "x-generation-id": outcome.generationId });
      res.end(openAiErrorBody(status, outcome.error!.message, code));
      return;
    }
    this.sendHeaders();
    if (outcome.status === "done" && this.includeUsage && !this.sawUsage) {
      const usageChunk = { id: outcome.generationId, object: "chat.completion.chunk", created: Math.floor(outcome.started / 1000), model: this.requestedModel, provider: outcome.served.provider.label, choices: [], usage: openAiUsage(outcome.usage, outcome.costPico) };
      res.write(`data: ${JSON.stringify(usageChunk)}\n\n`);
    }
    if (failed) {
      const message = outcome.error?.message ?? stopMessage(outcome.stopReason ?? "shutdown");
      const code = outcome.error ? failureStatus(outcome.error).status : 503;
      res.write(errorChunk(outcome.generationId, this.requestedModel, message, code));
    }
    res.end(outcome.status === "stopped" && !failed ? undefined : "data: [DONE]\n\n");
  }
}
