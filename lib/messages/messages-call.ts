// An Anthropic Messages request as a call for the one engine: system prompt and messages
// (messages-content.ts), custom tools as function tools, tool_choice, stop sequences,
// `thinking` as OpenRouter's `reasoning` budget — an OpenAI chat-completions body. count_tokens
// maps the same way, so what it counts is what admission would count.
import type { ApiKeyContext } from "../auth/api-keys";
import type { CallBody, CallSpec } from "../calls/call-spec";
import { modelsToTry } from "../api-v1/chat-request";
import { AppError } from "../errors";
import { validateBody } from "../http/parse-body";
import { systemMessage, toChatMessages } from "./messages-content";
import { customToolSchema, type CountTokensRequest, type MessagesRequest } from "./messages-request-schema";

export function toMessagesCall(key: ApiKeyContext, request: MessagesRequest, signal: AbortSignal, generationId: string): CallSpec {
  const routed = toRoutedPrompt(request);
  const body = routed.body;
  body.max_tokens = request.max_tokens;
  if (request.stop_sequences?.length) body.stop = request.stop_sequences;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.top_p !== undefined) body.top_p = request.top_p;
  if (request.top_k !== undefined) body.top_k = request.top_k;
  if (request.metadata?.user_id) body.user = request.metadata.user_id;
  return { ...routed, caller: { userId: key.userId, source: "api", key }, signal, generationId };
}

/** The model(s) and what is sent upstream as prompt: all count_tokens needs to plan and count. */
export function toRoutedPrompt(request: CountTokensRequest): Pick<CallSpec, "requestedModel" | "models" | "preferences" | "body" | "options"> {
  const conversation = toChatMessages(request.messages);
  if (conversation.length === 0) throw new AppError(400, "messages: the messages have no content to send", "invalid_request", "messages");
  const body: CallBody = { messages: [...systemMessage(request.system), ...conversation] };
  if (request.tools?.length) body.tools = request.tools.map(chatTool);
  const choice = request.tool_choice;
  if (choice) {
    body.tool_choice = choice.type === "auto" ? "auto" : choice.type === "any" ? "required" : choice.type === "none" ? "none" : { type: "function", function: { name: choice.name } };
    if ("disable_parallel_tool_use" in choice && choice.disable_parallel_tool_use) body.parallel_tool_calls = false;
  }
  if (request.thinking?.type === "enabled") body.reasoning = { max_tokens: request.thinking.budget_tokens };
  if (request.thinking?.type === "adaptive") body.reasoning = { enabled: true };
  return { ...modelsToTry(request), preferences: request.provider, body, options: { requireParameters: request.provider?.require_parameters === true } };
}

function chatTool(raw: { type?: string | null }, i: number): Record<string, unknown> {
  if (raw.type && raw.type !== "custom") {
    throw new AppError(400, `tools.${i}: only custom (client) tools are served here; "${raw.type}" is a server tool`, "invalid_request", `tools.${i}.type`);
  }
  const tool = validateBody(raw, customToolSchema, ["tools", i]);
  return { type: "function", function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.input_schema } };
}
