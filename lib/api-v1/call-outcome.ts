// What one API call came to — the endpoint that served it, usage, status, attempts — and
// how it is settled: ledger row, health, credit.
import { settleUsage } from "../ledger/compute-cost";
import { estimateUsage } from "../ledger/estimate-usage";
import { startGeneration } from "../ledger/ledger-writer";
import { toUpstreamError, UpstreamError } from "../providers/upstream-error";
import { recordFailure, recordSuccess } from "../router/health";
import type { Candidate } from "../router/resolve-model";
import type { Attempt } from "../router/stream-with-fallback";
import type { Usage } from "../streaming/events";
import type { ServerResponse } from "node:http";
import { openAiErrorBody } from "./openai-error";
import type { PreparedCall } from "./prepare-call";

export interface CallOutcome {
  generationId: string;
  served: Candidate;
  usage: Usage | null;
  text: string;
  finishReason: string | null;
  firstTokenAt: number | null;
  status: "done" | "stopped" | "error";
  error: UpstreamError | null;
  attempts: Attempt[];
  started: number;
}

export function newOutcome(generationId: string, first: Candidate): CallOutcome {
  return { generationId, served: first, usage: null, text: "", finishReason: null, firstTokenAt: null, status: "error", error: null, attempts: [], started: Date.now() };
}

export function openLedgerRow(call: PreparedCall, generationId: string) {
  const first = call.plan[0];
  return startGeneration(generationId, {
    userId: call.key.userId,
    source: "api",
    apiKeyId: call.key.id,
    requestedModel: call.requestedModel,
    modelId: first.modelId,
    provider: first.provider.id,
    upstreamModel: first.upstreamModel,
    pricePromptPico: first.price.prompt,
    priceCompletionPico: first.price.completion,
    priceCachedPico: first.price.cachedPrompt ?? first.price.prompt,
    priceReasoningPico: first.price.reasoning ?? first.price.completion,
  });
}

export function classify(error: unknown, candidate: Candidate, clientSignal: AbortSignal): UpstreamError {
  if (clientSignal.aborted) return new UpstreamError("Client disconnected", null, "aborted");
  if ((error as { switchyardTimeout?: boolean }).switchyardTimeout) return new UpstreamError(`${candidate.provider.label} did not answer in time`, 408, "timeout");
  return toUpstreamError(error, candidate.provider.label);
}

/** An attempt that answered: the outcome records it as served. */
export function attemptSucceeded(outcome: CallOutcome, candidate: Candidate, started: number): void {
  outcome.status = "done";
  outcome.error = null;
  outcome.attempts.push({ provider: candidate.provider.id, upstreamModel: candidate.upstreamModel, status: "ok", ms: Date.now() - started });
}

/** An attempt that failed: recorded on the outcome and in the endpoint's health; the caller
 * decides from the returned error whether another candidate may be tried. */
export function attemptFailed(outcome: CallOutcome, candidate: Candidate, started: number, error: unknown, clientSignal: AbortSignal): UpstreamError {
  const failure = classify(error, candidate, clientSignal);
  outcome.attempts.push({ provider: candidate.provider.id, upstreamModel: candidate.upstreamModel, status: "error", error: failure.message, httpStatus: failure.status, ms: Date.now() - started });
  outcome.error = failure;
  outcome.status = failure.kind === "aborted" ? "stopped" : "error";
  if (failure.kind !== "aborted") recordFailure(candidate.provider.id, candidate.upstreamModel, failure.message);
  return failure;
}

/** Every candidate failed before anything was sent: an OpenAI-shaped error with its status. */
export function sendFailure(res: ServerResponse, outcome: CallOutcome): void {
  const { status, code } = failureStatus(outcome.error!);
  res.writeHead(status, { "content-type": "application/json", "x-generation-id": outcome.generationId });
  res.end(openAiErrorBody(status, outcome.error!.message, code));
}

/** After every fallback failed: the status the client gets. */
export function failureStatus(error: UpstreamError): { status: number; code: string } {
  if (error.kind === "timeout") return { status: 408, code: "timeout" };
  if (error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
    return { status: error.status === 401 || error.status === 403 ? 502 : error.status, code: "upstream_rejected" };
  }
  return { status: 502, code: "upstream_error" };
}

/** Usage (estimated from what was relayed if the upstream never said), cost, ledger, credit. */
export function finishCall(call: PreparedCall, outcome: CallOutcome, ledger: ReturnType<typeof startGeneration>): void {
  const served = outcome.served;
  const reachedUpstream = outcome.attempts.length > 0;
  // The relayed text already holds any reasoning, so it is all counted as completion.
  const usage: Usage = outcome.usage ?? estimateUsage(() => call.promptTokens, outcome.text, "", reachedUpstream);
  const settled = settleUsage(usage, served.price);
  const now = Date.now();
  const ttftMs = outcome.firstTokenAt === null ? null : outcome.firstTokenAt - outcome.started;
  if (outcome.status === "done") {
    recordSuccess(served.provider.id, served.upstreamModel, { ttftMs, completionTokens: usage.completionTokens, streamMs: outcome.firstTokenAt === null ? 0 : now - outcome.firstTokenAt });
  }
  void ledger.finish({
    provider: served.provider.id,
    upstreamModel: served.upstreamModel,
    ...settled,
    ttftMs,
    totalMs: now - outcome.started,
    status: outcome.status,
    finishReason: outcome.finishReason,
    error: outcome.error?.message ?? null,
    attempts: outcome.attempts,
    promptText: call.key.logPrompts ? JSON.stringify(call.body.messages) : null,
    completionText: call.key.logPrompts ? outcome.text : null,
  });
  call.admission.settle({ costPico: settled.costPico, totalTokens: usage.promptTokens + usage.completionTokens });
}
