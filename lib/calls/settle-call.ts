// Settling a call, whatever its end: one usage (the provider's report, else counted from
// what was sent and delivered; nothing delivered and nothing reported costs nothing), its
// exact cost at the serving endpoint's price, one ledger row with every attempt, the
// reservations reconciled, and the endpoint's health.
import type { Admission } from "../limits/admit";
import { settleUsage } from "../ledger/compute-cost";
import { priceColumns, type LedgerRow } from "../ledger/ledger-writer";
import type { UpstreamError } from "../providers/upstream-error";
import { recordSuccess } from "../router/health";
import type { Attempt, CallOutcome } from "./call-outcome";
import type { CallProgress } from "./call-progress";
import type { CallSpec } from "./call-spec";
import type { StopReason } from "./live-calls";

export interface Settling {
  spec: CallSpec;
  generationId: string;
  ledger: LedgerRow;
  admission: Admission;
  progress: CallProgress;
  attempts: Attempt[];
  started: number;
  status: CallOutcome["status"];
  error: UpstreamError | null;
  stopReason: StopReason | null;
  stopText: string | null;
}

export function settleCall(s: Settling): CallOutcome {
  const { progress, spec } = s;
  const served = progress.served;
  const usage = progress.finalUsage();
  const settled = settleUsage(usage, served.price);
  const now = Date.now();
  const ttftMs = progress.firstTokenAt === null ? null : progress.firstTokenAt - s.started;
  if (s.status === "done") {
    recordSuccess(served.provider.id, served.upstreamModel, { ttftMs, completionTokens: usage.completionTokens, streamMs: progress.firstTokenAt === null ? 0 : now - progress.firstTokenAt });
  }
  const toolCalls = progress.tools.list();
  const logged = spec.caller.key?.logPrompts === true;
  void s.ledger.finish({
    provider: served.provider.id,
    upstreamModel: served.upstreamModel,
    ...priceColumns(served.price),
    ...settled,
    ttftMs,
    totalMs: now - s.started,
    status: s.status,
    finishReason: s.status === "stopped" ? "stop" : progress.finishReason,
    error: s.error?.message ?? (s.status === "stopped" && s.stopReason !== "client" && s.stopReason !== "user" ? s.stopText : null),
    attempts: s.attempts,
    promptText: logged ? JSON.stringify(spec.body.messages) : null,
    completionText: logged ? progress.text + (toolCalls.length ? JSON.stringify(toolCalls) : "") : null,
  });
  s.admission.settle({ costPico: settled.costPico, totalTokens: usage.promptTokens + usage.completionTokens });
  return {
    generationId: s.generationId,
    status: s.status,
    error: s.error,
    stopReason: s.stopReason,
    served,
    request: progress.request,
    text: progress.text,
    reasoning: progress.reasoning,
    toolCalls,
    finishReason: progress.finishReason,
    usage,
    costPico: settled.costPico,
    started: s.started,
    firstTokenAt: progress.firstTokenAt,
    attempts: s.attempts,
  };
}
