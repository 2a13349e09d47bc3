// The body of POST /api/v1/messages (Anthropic's Messages API) and of /messages/count_tokens,
// plus OpenRouter's routing fields. Content blocks are validated one by one as they are mapped
// (messages-content.ts), so an unsupported block is refused with its own message and position.
import { z } from "zod";
import { routingFields } from "../api-v1/chat-request-schema";

const block = z.looseObject({ type: z.string() });
const content = z.union([z.string(), z.array(block)]);

export const customToolSchema = z.looseObject({
  type: z.literal("custom").nullish(),
  name: z.string().min(1).max(128),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
});

const toolChoice = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("auto"), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal("any"), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal("tool"), name: z.string().min(1), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal("none") }),
]);

const thinking = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("enabled"), budget_tokens: z.number().int().min(1024) }),
  z.looseObject({ type: z.literal("adaptive") }),
  z.looseObject({ type: z.literal("disabled") }),
]);

/** What count_tokens takes: a message request without max_tokens or streaming. */
export const countTokensRequestSchema = z
  .looseObject({
    ...routingFields,
    messages: z.array(z.looseObject({ role: z.enum(["user", "assistant"]), content })).min(1, "messages: send at least one message"),
    system: z.union([z.string(), z.array(block)]).optional(),
    // Checked one by one when mapped: server tools (web search, code execution…) are not served.
    tools: z.array(z.looseObject({ name: z.string().optional(), type: z.string().nullish() })).optional(),
    tool_choice: toolChoice.optional(),
    thinking: thinking.optional(),
  })
  .refine((body) => body.model || body.models, { message: "Field required", path: ["model"] });

export const messagesRequestSchema = countTokensRequestSchema.and(
  z.looseObject({
    max_tokens: z.number({ error: (issue) => (issue.input === undefined ? "Field required" : "must be a positive integer") }).int().positive(),
    stop_sequences: z.array(z.string()).max(16).optional(),
    temperature: z.number().min(0).max(1).optional(),
    top_p: z.number().min(0).max(1).optional(),
    top_k: z.number().int().positive().optional(),
    metadata: z.looseObject({ user_id: z.string().max(256).nullish() }).optional(),
    stream: z.boolean().optional(),
  }),
);

export type CountTokensRequest = z.infer<typeof countTokensRequestSchema>;
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
export type ContentBlock = z.infer<typeof block>;
