// The request each planned endpoint will get, shaped by its quirks (presets.ts) before any
// upstream call: endpoints the request cannot fit are left out, and when none is left the
// client gets the reason (400 context_length_exceeded, unsupported_parameter).
import { AppError } from "../errors";
import type { WireMessage } from "../providers/quirks/message-rules";
import { normaliseRequest, type NormalisedRequest } from "../providers/quirks/normalise-request";
import type { Candidate } from "../router/resolve-model";
import { ROUTER_ONLY_FIELDS, type ChatCompletionRequest } from "./chat-request-schema";

export function shapeRequests(body: ChatCompletionRequest, plan: Candidate[]): { plan: Candidate[]; requests: Map<Candidate, NormalisedRequest> } {
  const base: Record<string, unknown> = { ...body, stream: body.stream === true };
  for (const field of ROUTER_ONLY_FIELDS) delete base[field];
  const options = { requireParameters: body.provider?.require_parameters === true, middleOut: body.transforms?.includes("middle-out") === true };
  const requests = new Map<Candidate, NormalisedRequest>();
  let refusal: AppError | null = null;
  for (const candidate of plan) {
    try {
      requests.set(candidate, normaliseRequest({ ...base, model: candidate.upstreamModel, messages: body.messages as WireMessage[] }, candidate, options));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal ??= error;
    }
  }
  if (requests.size === 0) throw refusal!;
  return { plan: plan.filter((c) => requests.has(c)), requests };
}

/** What the client is told about the changes (OpenRouter has no standard for this). */
export function adjustmentHeaders(request: NormalisedRequest | undefined): Record<string, string> {
  if (!request) return {};
  return {
    ...(request.dropped.length ? { "x-switchyard-dropped-params": request.dropped.join(",") } : {}),
    ...(request.replay ? { "x-switchyard-replayed": "true" } : {}),
    ...(request.trimmedMessages ? { "x-switchyard-trimmed-messages": String(request.trimmedMessages) } : {}),
  };
}
