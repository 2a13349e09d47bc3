// The body of POST /api/v1/responses: OpenAI's Responses API fields this gateway serves, plus
// OpenRouter's routing fields. Input items are validated one by one as they are mapped
// (responses-input.ts), and so are tools, so an unsupported item is refused with its own message and position.
import { z } from "zod";
import { routingFields } from "../api-v1/chat-request-schema";

export const functionToolSchema = z.looseObject({
  type: z.literal("function"),
  name: z.string().min(1).max(128),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const textFormat = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  z.looseObject({
    type: z.literal("json_schema"),
    name: z.string().min(1).max(64),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().optional(),
    strict: z.boolean().nullish(),
  }),
]);

const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.looseObject({ type: z.literal("function"), name: z.string().min(1) }),
]);

export const responsesRequestSchema = z
  .looseObject({
    ...routingFields,
    input: z.union([z.string(), z.array(z.looseObject({ type: z.string().optional() }))]),
    instructions: z.string().nullish(),
    previous_response_id: z.string().min(1).max(100).nullish(),
    store: z.boolean().nullish(),
    stream: z.boolean().nullish(),
    // Checked one by one when mapped: only function tools are served.
    tools: z.array(z.looseObject({ type: z.string() })).optional(),
    tool_choice: toolChoice.optional(),
    parallel_tool_calls: z.boolean().nullish(),
    text: z.looseObject({ format: textFormat.optional(), verbosity: z.enum(["low", "medium", "high"]).nullish() }).nullish(),
    reasoning: z.looseObject({ effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]).nullish(), summary: z.string().nullish() }).nullish(),
    max_output_tokens: z.number().int().positive().nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().min(0).max(1).nullish(),
    truncation: z.enum(["auto", "disabled"]).nullish(),
    user: z.string().max(256).nullish(),
    safety_identifier: z.string().max(256).nullish(),
    metadata: z.record(z.string(), z.string()).nullish(),
    background: z.literal(false, { error: "background responses are not supported" }).nullish(),
    conversation: z.null({ error: "conversation objects are not supported; continue with previous_response_id" }).optional(),
    prompt: z.null({ error: "prompt templates are not supported; send input and instructions" }).optional(),
  })
  .refine((body) => body.model || body.models, { message: "model is required", path: ["model"] });

export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
export type FunctionTool = z.infer<typeof functionToolSchema>;
