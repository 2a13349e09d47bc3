// The one call engine. Every call to a model — a chatroom column, each round of its tool
// calls, and every API request in any format — goes through here:
//   plan (endpoints in order, each request shaped by its quirks)
//   → admit (budget, credit, rate limits, free tiers: one reservation of the worst case)
//   → attempt with fallback until the first token
//   → stream (each chunk read once, handed to the caller's sink)
//   → settle (one usage, counted when the provider sent none; one ledger row; reservations).
// With the opt-in response cache (response-cache.ts) a stored answer replaces the attempts;
// observers (call-observers.ts: metrics) hear each outcome, and each refusal, once.
// Edges differ only in their sink: the chatroom turns chunks into its events, the chat
// completions API relays them as they came, non-streaming answers collect them.
import { getUserState } from "../auth/user-state";
import { AppError } from "../errors";
import { freeTierCap } from "../providers/free-tier-caps";
import { admitCall, type Admission } from "../limits/admit";
import { newGenerationId } from "../ledger/ledger-writer";
import { isPromise } from "../maybe-promise";
import { ChunkReader } from "../providers/chunk-reader";
import { openUpstream } from "../providers/open-upstream";
import { UpstreamError } from "../providers/upstream-error";
import { freeTierProviderOf } from "../router/free-tier";
import { recordFailure } from "../router/health";
import type { Candidate } from "../router/resolve-model";
import type { Attempt, CallOutcome } from "./call-outcome";
import type { CallSink } from "./call-sink";
import { notifyRefused, notifySettled } from "./call-observers";
import { CallProgress } from "./call-progress";
import type { CallSpec } from "./call-spec";
import { ensureCheckpoints } from "./checkpoint";
import { registerLive, stopMessage, stopReasonOf } from "./live-calls";
import { openLedgerRow } from "./open-ledger-row";
import { planCall, type CallPlan } from "./plan-call";
import { openResponseCache, replayCachedAnswer } from "./response-cache";
import { settleCall } from "./settle-call";
import { enforceOutputBounds, worstCaseOf } from "./worst-case";

export type { CallSink } from "./call-sink";

/**
 * Runs the call to its end and resolves with its outcome (done, stopped or failed: failures
 * after the plan are outcomes, not rejections). Rejects, before anything is written or sent,
 * when the call cannot be planned or admitted (AppError: 400, 402, 404, 429, 503).
 */
export async function runCall(spec: CallSpec, sink: CallSink): Promise<CallOutcome> {
  const { plan, admission, cache, hit } = await prepare(spec).catch((error: unknown) => {
    notifyRefused(spec, error);
    throw error;
  });
  if (hit) return notifySettled(spec, replayCachedAnswer(spec, plan, hit, admission, sink));
  if (admission.limited) enforceOutputBounds(plan);
  const recorder = cache?.record(sink);
  const outcome = await stream(spec, plan, admission, recorder?.sink ?? sink);
  recorder?.save(outcome);
  return notifySettled(spec, outcome);
}

/** Plan and admission; with the response cache on, its stored answer if there is one (admitted at $0). */
async function prepare(spec: CallSpec) {
  const plan = planCall(spec);
  const cache = spec.cache ? await openResponseCache(spec) : null;
  const hit = (await cache?.find(plan)) ?? null;
  const admission = await admit(spec, plan, hit !== null);
  return { plan, admission, cache, hit };
}

async function admit(spec: CallSpec, plan: CallPlan, cached: boolean): Promise<Admission> {
  const { caller } = spec;
  const state = getUserState(caller.userId);
  const user = isPromise(state) ? await state : state;
  if (user.disabled) throw new AppError(403, "This account is disabled", "account_disabled");
  const first = plan.candidates[0];
  // A cached answer calls no provider: no free-tier quota, nothing to reserve (rate limits still count it).
  const tierProvider = cached ? null : freeTierProviderOf(first);
  return admitCall({
    userId: caller.userId,
    key: caller.key,
    budgetPico: user.monthlyBudgetPico,
    freeTier: tierProvider ? freeTierCap(tierProvider, first.upstreamModel, { assumeFree: true }) : null,
    worstCase: cached ? () => ({ costPico: 0n, tokens: 0 }) : () => worstCaseOf(plan),
  });
}

async function stream(spec: CallSpec, plan: CallPlan, admission: Admission, sink: CallSink): Promise<CallOutcome> {
  const { caller } = spec;
  const generationId = spec.generationId ?? newGenerationId();
  const started = Date.now();
  const attempts: Attempt[] = [];
  const controller = new AbortController();
  const stop = () => controller.abort(spec.signal.reason);
  if (spec.signal.aborted) stop();
  else spec.signal.addEventListener("abort", stop, { once: true });

  let progress = new CallProgress(plan.candidates[0], plan.requests.get(plan.candidates[0])!);
  const ledger = openLedgerRow(spec, generationId, progress.served);
  ensureCheckpoints();
  // Stops by conversation or message are the chatroom's (it registers its answers itself);
  // the call answers to stops of its user and of the whole process.
  const unregister = registerLive({
    userId: caller.userId,
    generationId,
    controller,
    checkpoint: () => {
      const write = progress.checkpoint(generationId);
      return write ? [write] : null;
    },
  });

  let failure: UpstreamError | null = null;
  try {
    for (const candidate of plan.candidates) {
      progress = new CallProgress(candidate, plan.requests.get(candidate)!);
      const attemptStarted = Date.now();
      try {
        await attempt(candidate, progress, controller.signal, sink);
        attempts.push({ provider: candidate.provider.id, upstreamModel: candidate.upstreamModel, status: "ok", ms: Date.now() - attemptStarted });
        failure = null;
        break;
      } catch (error) {
        failure = error instanceof UpstreamError ? error : new UpstreamError(error instanceof Error ? error.message : String(error), null, "stream");
        attempts.push({ provider: candidate.provider.id, upstreamModel: candidate.upstreamModel, status: "error", error: failure.message, httpStatus: failure.status, ms: Date.now() - attemptStarted });
        if (failure.kind === "aborted") break;
        recordFailure(candidate.provider.id, candidate.upstreamModel, failure.message);
        // What was sent cannot be unsent: after the first token, a failure ends the call.
        if (progress.delivered || !failure.retryable) break;
      }
    }
  } finally {
    spec.signal.removeEventListener("abort", stop);
    unregister();
  }

  const stopped = failure?.kind === "aborted";
  const stopReason = stopped ? stopReasonOf(controller.signal) : null;
  return settleCall({
    spec,
    generationId,
    ledger,
    admission,
    progress,
    attempts,
    started,
    status: stopped ? "stopped" : failure ? "error" : "done",
    error: stopped ? null : failure,
    stopReason,
    stopText: stopReason ? stopMessage(stopReason) : null,
  });
}

/** One endpoint: open, read every chunk through the reader into the sink; throws UpstreamError. */
async function attempt(candidate: Candidate, progress: CallProgress, signal: AbortSignal, sink: CallSink): Promise<void> {
  const request = progress.request;
  const body = await openUpstream(candidate.provider, request, signal);
  try {
    sink.opened?.(candidate, request);
    const reader = new ChunkReader(candidate.provider.quirks.response, candidate.provider.label, (view) => sink.chunk(view, progress.add(view)));
    await body.read((bytes) => {
      reader.push(bytes);
      sink.flush?.();
    });
    reader.end();
    sink.flush?.();
  } finally {
    body.dispose();
  }
}
