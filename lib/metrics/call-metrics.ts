// Feeds the metrics from the engine: one observer (lib/calls/call-observers.ts) hears each
// settled call's outcome and each refusal, and counts what the engine already worked out —
// nothing here re-derives usage or cost.
import type { CallOutcome } from "../calls/call-outcome";
import { observeCalls } from "../calls/call-observers";
import type { CallSpec } from "../calls/call-spec";
import { AppError } from "../errors";
import { promptCacheSavingsPico } from "../ledger/compute-cost";
import { UpstreamError } from "../providers/upstream-error";
import { getMetrics, usd } from "./registry";

/** Distinct (provider, model) label pairs kept; later ones count as model "other". Pinned ids
 * are chosen by clients, and every label pair is a series held in memory for good. */
const MAX_ENDPOINTS = 500;

export function installCallMetrics(): void {
  const metrics = getMetrics();
  const seen = new Set<string>();
  const endpoint = (provider: string, model: string) => {
    const pair = `${provider}\u0000${model}`;
    if (!seen.has(pair) && seen.size >= MAX_ENDPOINTS) return { provider, model: "other" };
    seen.add(pair);
    return { provider, model };
  };

  observeCalls("metrics", {
    settled(spec: CallSpec, outcome: CallOutcome) {
      const at = endpoint(outcome.served.provider.id, outcome.served.modelId);
      const result = outcome.responseCacheHit ? "cached" : outcome.status;
      metrics.requests.inc({ source: spec.caller.source, ...at, outcome: result });
      metrics.duration.observe({ ...at, outcome: result }, (Date.now() - outcome.started) / 1000);
      for (const [i, attempt] of outcome.attempts.entries()) {
        if (attempt.status === "error" && i < outcome.attempts.length - 1) metrics.fallbacks.inc(endpoint(attempt.provider, attempt.upstreamModel));
      }
      if (outcome.status === "error" && outcome.error) {
        const { status, kind } = describeError(outcome.error);
        metrics.errors.inc({ source: spec.caller.source, ...at, status, kind });
      }
      if (outcome.responseCacheHit) {
        metrics.cacheHits.inc(at);
        return;
      }
      if (outcome.firstTokenAt !== null) metrics.ttft.observe(at, (outcome.firstTokenAt - outcome.started) / 1000);
      const { usage } = outcome;
      for (const [type, count] of [
        ["prompt", usage.promptTokens],
        ["completion", usage.completionTokens],
        ["reasoning", usage.reasoningTokens],
        ["cached", usage.cachedTokens],
        ["cache_write", usage.cacheWriteTokens],
      ] as const) {
        if (count > 0) metrics.tokens.inc({ ...at, type }, count);
      }
      if (outcome.costPico > 0n) metrics.cost.inc(at, usd(outcome.costPico));
      const saved = promptCacheSavingsPico(usage, outcome.served.price);
      if (saved > 0n) metrics.cacheSaved.inc(at, usd(saved));
    },
    refused(spec: CallSpec, error: unknown) {
      const { status, kind } = describeError(error);
      // The model a refused call asked for is the client's text: it is not a label.
      metrics.requests.inc({ source: spec.caller.source, provider: "", model: "", outcome: "refused" });
      metrics.errors.inc({ source: spec.caller.source, provider: "", model: "", status, kind });
      // 429: rate limits and free-tier caps; 402: key credit and monthly budgets.
      if (status === "429" || status === "402") metrics.refusals.inc({ reason: kind });
    },
  });
}

function describeError(error: unknown): { status: string; kind: string } {
  if (error instanceof UpstreamError) return { status: error.status === null ? "none" : String(error.status), kind: error.kind };
  if (error instanceof AppError) return { status: String(error.status), kind: error.code };
  return { status: "none", kind: "internal" };
}
