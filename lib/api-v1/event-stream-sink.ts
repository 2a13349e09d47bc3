// The SSE plumbing of the API formats that re-encode the engine's chunks into their own events
// (OpenAI Responses, Anthropic Messages): the stream starts — headers, then the format's opening
// events — as soon as an endpoint answers, or when the first token is slow and a keep-alive
// must go out; events made from one upstream read are written together; and until the stream
// has started, a failed call can still be answered with a plain HTTP error.
import type { ServerResponse } from "node:http";
import type { CallOutcome } from "../calls/call-outcome";
import { adjustmentHeaders } from "../calls/plan-call";
import type { CallSpec } from "../calls/call-spec";
import { runCall, type CallSink } from "../calls/run-call";
import { SSE_HEADERS } from "../http/sse-headers";
import type { ChunkView } from "../providers/chunk-reader";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import { sseEventText } from "../streaming/sse";
import type { ErrorBody } from "./api-error";
import { failureStatus } from "./call-failure";

/** While no token has come: the first keep-alive after this long, then one every KEEP_ALIVE_EVERY_MS. */
export const KEEP_ALIVE_AFTER_MS = 2_000;
export const KEEP_ALIVE_EVERY_MS = 5_000;

export abstract class EventStreamSink implements CallSink {
  private pending = "";
  private request: NormalisedRequest | undefined;
  /** The answer is a response-cache hit being replayed (it costs nothing). */
  protected fromCache = false;
  private keepAlive: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    protected readonly res: ServerResponse,
    protected readonly generationId: string,
  ) {
    this.keepAlive = setTimeout(this.ping, KEEP_ALIVE_AFTER_MS);
  }

  /** The format's first events, written once when the stream starts. */
  protected abstract opening(): void;
  /** What keeps the connection warm while the first token is slow. */
  protected abstract keepAliveEvent(): void;
  /** A chunk that carried answer text, reasoning or tool calls. */
  protected abstract content(view: ChunkView): void;

  protected emit(event: string, data: unknown): void {
    this.pending += sseEventText(event, JSON.stringify(data));
  }

  /** An event already encoded as SSE text (the chat completions relay's chunks). */
  protected write(text: string): void {
    this.pending += text;
  }

  protected comment(text: string): void {
    this.pending += `: ${text}\n\n`;
  }

  private readonly ping = () => {
    // The call was refused before it started (the handler answered with an error): nothing to keep warm.
    if (this.res.writableEnded || (this.res.headersSent && !this.started)) return;
    this.start();
    this.keepAliveEvent();
    this.flush();
    this.keepAlive = setTimeout(this.ping, KEEP_ALIVE_EVERY_MS);
  };

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.res.writeHead(200, { ...SSE_HEADERS, ...adjustmentHeaders(this.request, this.fromCache), "x-generation-id": this.generationId });
    this.opening();
  }

  protected stopKeepAlive(): void {
    clearTimeout(this.keepAlive);
    this.keepAlive = undefined;
  }

  opened(_candidate: unknown, request: NormalisedRequest, source?: "upstream" | "cache"): void {
    this.request = request;
    this.fromCache = source === "cache";
    this.start();
    this.flush();
  }

  chunk(view: ChunkView, content: boolean): void {
    if (!content) return;
    if (this.keepAlive) this.stopKeepAlive();
    this.content(view);
  }

  /** The call was refused before it began (the handler answers with an error): nothing to keep warm. */
  cancel(): void {
    this.stopKeepAlive();
  }

  flush(): void {
    if (this.pending === "" || this.res.destroyed) return;
    this.res.write(this.pending);
    this.pending = "";
  }

  /** Whether the call failed before the stream began: then it is answered as a plain HTTP error. */
  protected failedBeforeStart(outcome: CallOutcome): boolean {
    return !this.started && outcome.status === "error";
  }

  /** The failure of a call whose stream never began, as the format's error body with its status. */
  protected sendHttpError(outcome: CallOutcome, errorBody: ErrorBody): void {
    this.stopKeepAlive();
    if (this.res.destroyed) return;
    const { status, code } = failureStatus(outcome.error);
    this.res.writeHead(status, { "content-type": "application/json", "x-generation-id": outcome.generationId });
    this.res.end(errorBody(status, outcome.error!.message, code));
  }

  /** Writes the last events and ends the stream (nothing when the client has gone). */
  protected finishWith(last: () => void): void {
    this.stopKeepAlive();
    if (this.res.destroyed) return;
    this.start();
    last();
    this.flush();
    this.res.end();
  }
}

/** Whether a stopped call's client should hear about it: it did not stop the call itself. */
export function stoppedByServer(outcome: CallOutcome): boolean {
  return outcome.status === "stopped" && outcome.stopReason !== "client" && outcome.stopReason !== "user";
}

/** Runs a streamed call on its sink; a call refused before it began stops the sink's keep-alive. */
export async function runStreamed(spec: CallSpec, sink: EventStreamSink): Promise<CallOutcome> {
  try {
    return await runCall(spec, sink);
  } catch (error) {
    sink.cancel();
    throw error;
  }
}
