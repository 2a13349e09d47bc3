// Plan: which endpoints to try, in order, and the request each will get after its quirks
// (presets.ts). Endpoints the request cannot fit are left out; when none is left the caller
// gets the reason (400 context_length_exceeded, unsupported_parameter). Nothing is written
// and nothing is called before a plan exists.
import { AppError } from "../errors";
import { normaliseRequest, type NormalisedRequest } from "../providers/quirks/normalise-request";
import { planRoute } from "../router/plan-route";
import type { Candidate } from "../router/resolve-model";
import type { CallBody, CallSpec } from "./call-spec";

export interface CallPlan {
  candidates: Candidate[];
  /** The request each planned endpoint gets. */
  requests: Map<Candidate, NormalisedRequest>;
}

/** OpenAI parameter names a request uses, for `provider.require_parameters` and capability filters. */
const PARAMETER_NAMES = ["temperature", "top_p", "max_tokens", "stop", "seed", "response_format", "tools", "tool_choice", "logit_bias", "presence_penalty", "frequency_penalty", "top_k", "reasoning"];

export function planCall(spec: Pick<CallSpec, "models" | "preferences" | "body" | "options">): CallPlan {
  const { body } = spec;
  const parameters = PARAMETER_NAMES.filter((name) => body[name] !== undefined && body[name] !== null);
  const routed = planRoute(spec.models, spec.preferences ?? {}, { tools: Array.isArray(body.tools) && body.tools.length > 0, parameters });
  return shapeRequests(body, routed, spec.options ?? {});
}

function shapeRequests(body: CallBody, plan: Candidate[], options: NonNullable<CallSpec["options"]>): CallPlan {
  const requests = new Map<Candidate, NormalisedRequest>();
  let refusal: AppError | null = null;
  for (const candidate of plan) {
    try {
      requests.set(candidate, normaliseRequest({ ...body, stream: true, model: candidate.upstreamModel }, candidate, options));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal ??= error;
    }
  }
  if (requests.size === 0) throw refusal!;
  return { candidates: plan.filter((c) => requests.has(c)), requests };
}

/** What the client is told about the changes (OpenRouter has no standard for this), and
 * whether the answer came from the response cache. */
export function adjustmentHeaders(request: NormalisedRequest | undefined, fromCache = false): Record<string, string> {
  if (!request) return {};
  return {
    ...(fromCache ? { "x-switchyard-cache": "hit" } : {}),
    ...(request.dropped.length ? { "x-switchyard-dropped-params": request.dropped.join(",") } : {}),
    ...(request.replay ? { "x-switchyard-replayed": "true" } : {}),
    ...(request.trimmedMessages ? { "x-switchyard-trimmed-messages": String(request.trimmedMessages) } : {}),
  };
}
