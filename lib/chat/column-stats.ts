// An answer's figures when it ends: the sum of its calls' tokens and cost (one call, or one
// per tool round), its time to first token and total time, and how it ended.
import type { CallOutcome } from "../calls/call-outcome";
import type { ColumnStats } from "../streaming/events";

export interface ColumnEnd {
  started: number;
  /** Refused before any call (budget, free tier, a prompt too long for the model). */
  refusal: string | null;
  /** Stopped by the server (restart, disabled account): what the reader is told. */
  stopText: string | null;
}

export function columnStats(modelId: string, rounds: CallOutcome[], end: ColumnEnd): ColumnStats {
  const last = rounds.at(-1);
  const status: ColumnStats["status"] = end.refusal !== null ? "error" : (last?.status ?? "error");
  const error = end.refusal ?? (status === "error" ? (last?.error?.message ?? "Unknown error") : status === "stopped" ? end.stopText : null);
  const firstToken = rounds.find((r) => r.firstTokenAt !== null)?.firstTokenAt ?? null;
  const sum = (pick: (r: CallOutcome) => number) => rounds.reduce((n, r) => n + pick(r), 0);
  const dropped = [...new Set(rounds.flatMap((r) => r.request.dropped))];
  return {
    status,
    finishReason: status === "stopped" ? "stop" : (last?.finishReason ?? null),
    error,
    provider: last?.served.provider.id ?? null,
    modelId,
    promptTokens: sum((r) => r.usage.promptTokens),
    completionTokens: sum((r) => r.usage.completionTokens),
    reasoningTokens: sum((r) => r.usage.reasoningTokens),
    cachedTokens: sum((r) => r.usage.cachedTokens),
    cacheWriteTokens: sum((r) => r.usage.cacheWriteTokens),
    usageEstimated: rounds.some((r) => r.usage.estimated),
    costPico: rounds.reduce((n, r) => n + r.costPico, 0n).toString(),
    ttftMs: firstToken === null ? null : firstToken - end.started,
    totalMs: Date.now() - end.started,
    ...(dropped.length ? { droppedParams: dropped } : {}),
    ...(rounds.some((r) => r.request.replay) ? { replayed: true } : {}),
  };
}
