// A Responses API request as a call for the one engine: the conversation (a stored previous
// response's, then this input) after the instructions, function tools, the text format as
// `response_format`, reasoning effort and the output limit — an OpenAI chat-completions body.
import type { ApiKeyContext } from "../auth/api-keys";
import type { CallBody, CallSpec } from "../calls/call-spec";
import { modelsToTry } from "../api-v1/chat-request";
import { AppError } from "../errors";
import { validateBody } from "../http/parse-body";
import type { WireMessage } from "../providers/quirks/message-rules";
import { inputToMessages } from "./responses-input";
import { functionToolSchema, type ResponsesRequest } from "./responses-request-schema";

export interface ResponsesCall {
  spec: CallSpec;
  /** The conversation without the instructions: what a stored response continues from. */
  history: WireMessage[];
}

export function toResponsesCall(key: ApiKeyContext, request: ResponsesRequest, previous: WireMessage[] | null, signal: AbortSignal, generationId: string): ResponsesCall {
  const history = [...(previous ?? []), ...inputToMessages(request.input)];
  if (history.length === 0) throw new AppError(400, "input: send at least one item", "invalid_request", "input");
  const body: CallBody = { messages: request.instructions ? [{ role: "system", content: request.instructions }, ...history] : history };
  if (request.tools?.length) body.tools = request.tools.map(chatTool);
  if (request.tool_choice) body.tool_choice = typeof request.tool_choice === "string" ? request.tool_choice : { type: "function", function: { name: request.tool_choice.name } };
  if (request.parallel_tool_calls != null) body.parallel_tool_calls = request.parallel_tool_calls;
  const format = request.text?.format;
  if (format?.type === "json_object") body.response_format = { type: "json_object" };
  if (format?.type === "json_schema") {
    const { name, schema, description, strict } = format;
    body.response_format = { type: "json_schema", json_schema: { name, schema, ...(description ? { description } : {}), ...(strict != null ? { strict } : {}) } };
  }
  const effort = request.reasoning?.effort;
  if (effort && effort !== "none") body.reasoning = { effort: effort === "xhigh" ? "high" : effort };
  if (request.max_output_tokens != null) body.max_tokens = request.max_output_tokens;
  if (request.temperature != null) body.temperature = request.temperature;
  if (request.top_p != null) body.top_p = request.top_p;
  const user = request.user ?? request.safety_identifier;
  if (user) body.user = user;
  const { requestedModel, models } = modelsToTry(request);
  return {
    spec: {
      caller: { userId: key.userId, source: "api", key },
      requestedModel,
      models,
      preferences: request.provider,
      body,
      // truncation: "auto" drops the middle of a conversation that does not fit, as middle-out does.
      options: { requireParameters: request.provider?.require_parameters === true, middleOut: request.truncation === "auto" },
      signal,
      generationId,
    },
    history,
  };
}

function chatTool(raw: { type: string }, i: number): Record<string, unknown> {
  if (raw.type !== "function") throw new AppError(400, `tools.${i}: only function tools are served here; "${raw.type}" tools are not`, "invalid_request", `tools.${i}.type`);
  const { name, description, parameters, strict } = validateBody(raw, functionToolSchema, ["tools", i]);
  return { type: "function", function: { name, ...(description ? { description } : {}), parameters: parameters ?? { type: "object", properties: {} }, ...(strict != null ? { strict } : {}) } };
}
