// POST /api/v1/chat/completions on node:http: route, fall back until the first token,
// relay the stream as it comes, and account every call in the ledger.
import type { IncomingMessage, ServerResponse } from "node:http";
import { newGenerationId } from "../ledger/ledger-writer";
import { UpstreamError } from "../providers/upstream-error";
import { openUpstream } from "./call-upstream";
import { attemptFailed, attemptSucceeded, finishCall, newOutcome, openLedgerRow, sendFailure } from "./call-outcome";
import { respondNonStreaming } from "./non-streaming";
import { sendOpenAiError } from "./openai-error";
import { prepareCall, type PreparedCall } from "./prepare-call";
import { adjustmentHeaders } from "./shape-requests";
import { errorChunk, StreamRelay } from "./stream-relay";

const KEEP_ALIVE_AFTER_MS = 2_000;
const KEEP_ALIVE_EVERY_MS = 5_000;

export const SSE_RESPONSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

export async function handleChatCompletions(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let call: PreparedCall;
  try {
    call = await prepareCall(req);
  } catch (error) {
    sendOpenAiError(res, error);
    return;
  }
  const client = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) client.abort();
  });
  if (call.body.stream) await streamCompletion(call, res, client.signal);
  else await respondNonStreaming(call, res, client.signal);
}

async function streamCompletion(call: PreparedCall, res: ServerResponse, clientSignal: AbortSignal): Promise<void> {
  const generationId = newGenerationId();
  const outcome = newOutcome(generationId, call.plan[0]);
  const ledger = openLedgerRow(call, generationId);
  let headersSent = false;
  const sendHeaders = () => {
    if (headersSent) return;
    headersSent = true;
    res.writeHead(200, { ...SSE_RESPONSE_HEADERS, ...adjustmentHeaders(call.requests.get(outcome.served)), "x-generation-id": generationId });
    res.flushHeaders();
  };
  // Proxies cut idle connections: while no token has come, say we are still here.
  let keepAlive: NodeJS.Timeout | undefined = setTimeout(function ping() {
    sendHeaders();
    res.write(": SWITCHYARD PROCESSING\n\n");
    keepAlive = setTimeout(ping, KEEP_ALIVE_EVERY_MS);
  }, KEEP_ALIVE_AFTER_MS);

  for (const candidate of call.plan) {
    outcome.served = candidate;
    const attemptStarted = Date.now();
    const relay = new StreamRelay(generationId, call.requestedModel, candidate.provider.label, candidate.price);
    try {
      const attempt = await openUpstream(candidate, call.requests.get(candidate)!, clientSignal);
      try {
        sendHeaders();
        for await (const value of attempt.chunks()) {
          attempt.touch();
          const out = relay.push(value);
          if (out) {
            if (relay.state.sentContent) clearTimeout(keepAlive);
            res.write(out);
          }
        }
        if (clientSignal.aborted) throw new UpstreamError("Client disconnected", null, "aborted");
      } finally {
        attempt.dispose();
      }
      Object.assign(outcome, { usage: relay.state.usage, text: relay.state.text, finishReason: relay.state.finishReason, firstTokenAt: relay.state.firstTokenAt });
      attemptSucceeded(outcome, candidate, attemptStarted);
      break;
    } catch (error) {
      const failure = attemptFailed(outcome, candidate, attemptStarted, error, clientSignal);
      Object.assign(outcome, { text: relay.state.text, usage: relay.state.usage, firstTokenAt: relay.state.firstTokenAt, finishReason: relay.state.finishReason });
      if (failure.kind === "aborted" || relay.state.sentContent || !failure.retryable) break;
    }
  }
  clearTimeout(keepAlive);

  if (outcome.status === "done") res.end("data: [DONE]\n\n");
  else if (outcome.status === "error" && headersSent) {
    res.write(errorChunk(generationId, call.requestedModel, outcome.error!.message, outcome.error!.status ?? 502));
    res.end("data: [DONE]\n\n");
  } else if (outcome.status === "error") sendFailure(res, outcome);
  else res.end();
  finishCall(call, outcome, ledger);
}

