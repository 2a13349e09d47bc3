// A chat completions request as the engine takes it: validated (400 with the field that is
// wrong), its routing fields (OpenRouter's `models`, `provider`, `transforms`) separated from
// the body that goes upstream.
import type { ApiKeyContext } from "../auth/api-keys";
import type { CallSpec } from "../calls/call-spec";
import { validateBody } from "../http/parse-body";
import type { WireMessage } from "../providers/quirks/message-rules";
import { chatCompletionRequestSchema, ROUTER_ONLY_FIELDS, type ChatCompletionRequest } from "./chat-request-schema";

export function parseChatRequest(raw: unknown): ChatCompletionRequest {
  return validateBody(raw, chatCompletionRequestSchema);
}

/** The model asked for and the models to try: `model` first, then the `models` fallbacks (OpenRouter's order). */
export function modelsToTry(request: { model?: string; models?: string[] }): { requestedModel: string; models: string[] } {
  const models = request.models ?? [request.model!];
  return {
    requestedModel: request.model ?? models[0],
    models: request.model && request.models ? [request.model, ...request.models.filter((m) => m !== request.model)] : models,
  };
}

export function toCallSpec(key: ApiKeyContext, request: ChatCompletionRequest, signal: AbortSignal, generationId: string): CallSpec {
  const { requestedModel, models } = modelsToTry(request);
  const body: Record<string, unknown> = { ...request };
  for (const field of [...ROUTER_ONLY_FIELDS, "stream", "stream_options"]) delete body[field];
  return {
    caller: { userId: key.userId, source: "api", key },
    requestedModel,
    models,
    preferences: request.provider,
    body: { ...body, messages: request.messages as WireMessage[] },
    options: { requireParameters: request.provider?.require_parameters === true, middleOut: request.transforms?.includes("middle-out") === true },
    signal,
    generationId,
  };
}
