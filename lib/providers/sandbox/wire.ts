// OpenAI wire shapes: error bodies, stream chunks and whole completions. Kept apart from the
// pacing logic so the JSON a client sees is defined in exactly one place.
import { randomBytes } from "node:crypto";
import type { CompletionPlan, FinishReason, WireUsage } from "./plan";
import type { PlannedToolCall } from "./tools";

const JSON_HEADERS = { "content-type": "application/json" };

const STATUS_ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: "Bad request.", type: "invalid_request_error", code: null },
  401: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" },
  402: { message: "Insufficient credits. Add more using the dashboard.", type: "insufficient_quota", code: "insufficient_quota" },
  403: { message: "You are not allowed to use this model.", type: "invalid_request_error", code: "forbidden" },
  404: { message: "Not found.", type: "invalid_request_error", code: "not_found" },
  408: { message: "The upstream timed out.", type: "timeout", code: "timeout" },
  429: { message: "Rate limit reached for requests. Please try again in 1s.", type: "requests", code: "rate_limit_exceeded" },
  500: { message: "The server had an error while processing your request.", type: "server_error", code: null },
  502: { message: "Bad gateway: the upstream provider returned an invalid response.", type: "server_error", code: "bad_gateway" },
  503: { message: "The engine is currently overloaded, please try again later.", type: "server_error", code: "overloaded" },
};

export interface WireError {
  message: string;
  type: string;
  code: string | null;
  param: string | null;
}

function knownError(status: number) {
  return STATUS_ERRORS[status] ?? (status >= 500 ? STATUS_ERRORS[500] : STATUS_ERRORS[400]);
}

export function defaultErrorMessage(status: number): string {
  return knownError(status).message;
}

export function errorResponse(status: number, error: Partial<WireError> = {}, headers: Record<string, string> = {}): Response {
  const known = knownError(status);
  const body: WireError = { message: known.message, type: known.type, code: known.code, param: null, ...error };
  const extra = status === 429 ? { "retry-after": "1", ...headers } : headers;
  return new Response(JSON.stringify({ error: body }), { status, headers: { ...JSON_HEADERS, ...extra } });
}

export function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: JSON_HEADERS });
}

export function newCompletionId(): string {
  return `chatcmpl-${randomBytes(15).toString("base64url")}`;
}

export interface ChunkContext {
  id: string;
  created: number;
  model: string;
  /** OpenAI sends `usage: null` on every chunk once include_usage is on. */
  includeUsage: boolean;
}

export type WireDelta = {
  role?: "assistant";
  content?: string | null;
  reasoning?: string;
  tool_calls?: { index: number; id?: string; type?: "function"; function: { name?: string; arguments: string } }[];
};

export function chunk(ctx: ChunkContext, delta: WireDelta, finishReason: FinishReason | null = null): object {
  return {
    id: ctx.id,
    object: "chat.completion.chunk",
    created: ctx.created,
    model: ctx.model,
    system_fingerprint: "fp_sandbox",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(ctx.includeUsage ? { usage: null } : {}),
  };
}

export function usageChunk(ctx: ChunkContext, usage: WireUsage): object {
  return { id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: ctx.model, system_fingerprint: "fp_sandbox", choices: [], usage };
}

/** OpenRouter reports a failure after the first byte as a chunk carrying `error`, then ends the stream. */
export function midStreamErrorChunk(ctx: ChunkContext): object {
  return {
    id: ctx.id,
    object: "chat.completion.chunk",
    created: ctx.created,
    model: ctx.model,
    provider: "sandbox",
    error: { code: 502, message: "Provider returned error: simulated failure mid-stream" },
    choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }],
  };
}

export function completionBody(ctx: ChunkContext, plan: CompletionPlan, withUsage: boolean): object {
  const content = plan.content.map((p) => p.text).join("");
  const reasoning = plan.reasoning.map((p) => p.text).join("");
  const message = {
    role: "assistant",
    content: plan.toolCall ? null : content,
    refusal: null,
    ...(reasoning ? { reasoning } : {}),
    ...(plan.toolCall ? { tool_calls: [toolCallOf(plan.toolCall)] } : {}),
  };
  return {
    id: ctx.id,
    object: "chat.completion",
    created: ctx.created,
    model: ctx.model,
    system_fingerprint: "fp_sandbox",
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    ...(withUsage ? { usage: plan.usage } : {}),
  };
}

function toolCallOf(call: PlannedToolCall) {
  return { id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } };
}
