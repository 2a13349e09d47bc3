// The one place where a provider's quirks (presets.ts, as data) reshape an OpenAI request
// before it goes upstream — for the chatroom and the API alike. Pure: it reports what it
// changed (dropped parameters, replayed stream, trimmed messages) and throws a clear 400
// when the request cannot be served as asked.
import { AppError } from "../../errors";
import { countRequestTokens, requestTokenBound } from "../../ledger/count-tokens";
import type { ProviderQuirks } from "../presets";
import { mergeConsecutiveRoles, mergeSystemPrompt, trimMiddle, type WireMessage } from "./message-rules";
import { quirksFor, type EffectiveQuirks } from "./model-quirks";

export interface NormaliseTarget {
  provider: { quirks: ProviderQuirks };
  upstreamModel: string;
  contextLength: number | null;
  maxOutputTokens: number | null;
  /** From the catalog; null when unknown (then only the quirks table decides). */
  supportedParameters: string[] | null;
}

export interface NormaliseOptions {
  /** OpenRouter's provider.require_parameters: refuse rather than drop. */
  requireParameters?: boolean;
  /** OpenRouter's transforms: ["middle-out"]: trim the middle of the conversation to fit. */
  middleOut?: boolean;
}

export interface NormalisedRequest {
  params: Record<string, unknown> & { messages: WireMessage[] };
  dropped: string[];
  /** Asked to stream, but the model cannot: call without streaming and replay the answer. */
  replay: boolean;
  trimmedMessages: number;
  quirks: EffectiveQuirks;
}

/** Sampling parameters checked against the catalog's supported list, when it has one. */
const CATALOG_CHECKED = ["temperature", "top_p", "top_k", "min_p", "presence_penalty", "frequency_penalty", "repetition_penalty", "logit_bias", "seed"];
const EFFORTS = ["minimal", "low", "medium", "high"];

export function normaliseRequest(request: Record<string, unknown> & { messages: WireMessage[] }, target: NormaliseTarget, options: NormaliseOptions = {}): NormalisedRequest {
  const quirks = quirksFor(target.provider.quirks, target.upstreamModel);
  const params: NormalisedRequest["params"] = { ...request };
  const dropped = dropUnsupported(params, quirks, target, options);

  if (!quirks.systemRole) params.messages = mergeSystemPrompt(params.messages);
  if (quirks.alternatingRoles) params.messages = mergeConsecutiveRoles(params.messages);

  for (const field of ["max_tokens", "max_completion_tokens"]) {
    const value = params[field];
    if (typeof value === "number" && target.maxOutputTokens && value > target.maxOutputTokens) params[field] = target.maxOutputTokens;
  }
  const trimmedMessages = fitContext(params, target, options);

  const replay = params.stream === true && !quirks.streaming;
  if (replay) params.stream = false;
  // Usage is asked for wherever the provider takes the option: the ledger needs it.
  if (params.stream === true && quirks.streamUsage === "when-asked") params.stream_options = { ...(params.stream_options as object | undefined), include_usage: true };
  else delete params.stream_options;

  return { params, dropped, replay, trimmedMessages, quirks };
}

/** What a model does not take, and so is dropped from its requests: the quirks table's list, the
 * sampling parameters missing from the catalog's list (when it has one), and `reasoning` where the
 * provider has no way to pass it. */
export function unsupportedParametersOf(quirks: EffectiveQuirks, supportedParameters: string[] | null): Set<string> {
  const unsupported = new Set(quirks.unsupportedParameters);
  if (supportedParameters) for (const name of CATALOG_CHECKED) if (!supportedParameters.includes(name)) unsupported.add(name);
  if (quirks.reasoningParam === null) unsupported.add("reasoning");
  return unsupported;
}

function dropUnsupported(params: Record<string, unknown>, quirks: EffectiveQuirks, target: NormaliseTarget, options: NormaliseOptions): string[] {
  const present = (name: string) => params[name] !== undefined && params[name] !== null;
  const unsupported = unsupportedParametersOf(quirks, target.supportedParameters);
  const reasoning = present("reasoning") ? (params.reasoning as { effort?: unknown; max_tokens?: unknown }) : null;
  const dropped = [...unsupported].filter(present);
  if (dropped.length && options.requireParameters) {
    throw new AppError(400, `${target.upstreamModel} does not support ${dropped.join(", ")} (provider.require_parameters is set)`, "unsupported_parameter", dropped[0]);
  }
  for (const name of dropped) delete params[name];
  if (reasoning && quirks.reasoningParam === "reasoning_effort") {
    delete params.reasoning;
    params.reasoning_effort ??= effortOf(reasoning);
  }
  return dropped;
}

/** OpenRouter's { effort } or { max_tokens } as OpenAI's reasoning_effort. */
function effortOf(reasoning: { effort?: unknown; max_tokens?: unknown }): string {
  if (typeof reasoning.effort === "string" && EFFORTS.includes(reasoning.effort)) return reasoning.effort;
  const budget = typeof reasoning.max_tokens === "number" ? reasoning.max_tokens : null;
  if (budget === null) return "medium";
  return budget <= 2048 ? "low" : budget <= 16_384 ? "medium" : "high";
}

/** Returns how many messages middle-out removed; throws when the prompt cannot fit. */
function fitContext(params: NormalisedRequest["params"], target: NormaliseTarget, options: NormaliseOptions): number {
  const limit = target.contextLength;
  if (!limit) return 0;
  const maxField = typeof params.max_completion_tokens === "number" ? "max_completion_tokens" : "max_tokens";
  const requestedMax = typeof params[maxField] === "number" ? (params[maxField] as number) : 0;
  // Room kept for the answer: what was asked, but never more than half the window.
  const budget = limit - Math.min(requestedMax, Math.floor(limit / 2));
  // Tools and a response schema take room in the window too: the whole request is counted.
  const count = (messages: WireMessage[], within: number) => promptTokens({ ...params, messages }, within);
  let prompt = count(params.messages, budget);
  let trimmed = 0;
  if (prompt > budget && options.middleOut) {
    const before = params.messages.length;
    params.messages = trimMiddle(params.messages, budget, (messages) => count(messages, budget));
    trimmed = before - params.messages.length;
    prompt = count(params.messages, budget);
  }
  if (prompt >= limit) {
    throw new AppError(
      400,
      `This prompt needs about ${prompt} tokens but ${target.upstreamModel} has a context window of ${limit} tokens. Shorten the conversation${options.middleOut ? "" : ', or ask for transforms: ["middle-out"]'}.`,
      "context_length_exceeded",
      "messages",
    );
  }
  if (requestedMax && prompt + requestedMax > limit) {
    const exact = count(params.messages, 0);
    if (exact + requestedMax > limit) params[maxField] = limit - exact;
  }
  return trimmed;
}

/** Exact counting costs CPU: UTF-8 bytes bound the token count, so count only when near the limit. */
function promptTokens(request: NormalisedRequest["params"], budget: number): number {
  const bound = requestTokenBound(request);
  if (bound <= budget) return bound;
  return countRequestTokens(request);
}
