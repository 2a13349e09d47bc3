// The one computation of what a call can cost at most: every prompt token that is sent
// upstream (messages after quirks, tool definitions and results, response schema, images)
// plus the most output the call can produce, at the price of whichever planned endpoint is
// dearest. The chatroom's pre-send estimate, key credit, monthly budgets, tokens per minute
// and the 402 refusal all read it here, so they cannot disagree.
import { computeCostPico } from "../ledger/compute-cost";
import { countRequestTokens } from "../ledger/count-tokens";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import type { Candidate } from "../router/resolve-model";
import type { CallPlan } from "./plan-call";

/** The output bound when neither the request nor the catalog gives one. */
export const DEFAULT_OUTPUT_BOUND = 4096;

export interface EndpointWorstCase {
  candidate: Candidate;
  promptTokens: number;
  outputTokens: number;
  /** The prompt alone, and the prompt with the full output bound. */
  minCostPico: bigint;
  maxCostPico: bigint;
}

export interface CallWorstCase {
  /** The dearest endpoint's worst case (what is reserved). */
  costPico: bigint;
  /** The most prompt + output tokens over the endpoints (what tokens per minute reserves). */
  tokens: number;
  endpoints: EndpointWorstCase[];
}

export function requestedOutputTokens(params: Record<string, unknown>): number | null {
  const value = params.max_completion_tokens ?? params.max_tokens;
  return typeof value === "number" && value > 0 ? value : null;
}

export function outputBound(request: NormalisedRequest, candidate: Candidate): number {
  return requestedOutputTokens(request.params) ?? candidate.maxOutputTokens ?? DEFAULT_OUTPUT_BOUND;
}

export function worstCaseOf(plan: CallPlan): CallWorstCase {
  // Endpoints usually share one message list: count each distinct request once.
  const counted = new Map<unknown, number>();
  const endpoints = plan.candidates.map((candidate): EndpointWorstCase => {
    const request = plan.requests.get(candidate)!;
    const params = request.params;
    const identity = params.tools === undefined && params.response_format === undefined ? params.messages : params;
    let promptTokens = counted.get(identity);
    if (promptTokens === undefined) counted.set(identity, (promptTokens = countRequestTokens(params)));
    const outputTokens = outputBound(request, candidate);
    const zero = { promptTokens, completionTokens: 0, reasoningTokens: 0, cachedTokens: 0 };
    return {
      candidate,
      promptTokens,
      outputTokens,
      minCostPico: computeCostPico(zero, candidate.price),
      maxCostPico: computeCostPico({ ...zero, completionTokens: outputTokens }, candidate.price),
    };
  });
  return {
    costPico: endpoints.reduce((max, e) => (e.maxCostPico > max ? e.maxCostPico : max), 0n),
    tokens: endpoints.reduce((max, e) => Math.max(max, e.promptTokens + e.outputTokens), 0),
    endpoints,
  };
}

/**
 * When money or tokens were reserved against the output bound, the bound must hold: an
 * endpoint whose output limit is unknown and that was given no max_tokens gets the bound
 * that was counted, so it cannot run past what was reserved.
 */
export function enforceOutputBounds(plan: CallPlan): void {
  for (const candidate of plan.candidates) {
    const request = plan.requests.get(candidate)!;
    if (requestedOutputTokens(request.params) === null && candidate.maxOutputTokens === null) request.params.max_tokens = DEFAULT_OUTPUT_BOUND;
  }
}
