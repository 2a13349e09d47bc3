// The body of POST /api/v1/chat/completions: OpenAI's fields plus OpenRouter's routing extras.
// Unknown fields pass through to the provider untouched.
import { z } from "zod";
import { providerPreferencesSchema } from "../router/provider-preferences-schema";

const content = z.union([z.string(), z.array(z.looseObject({ type: z.string() })), z.null()]);

const message = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: content.optional(),
  name: z.string().optional(),
  tool_calls: z.array(z.looseObject({ id: z.string(), type: z.string(), function: z.looseObject({ name: z.string(), arguments: z.string() }) })).optional(),
  tool_call_id: z.string().optional(),
});

/** The routing fields every API format takes: the model, OpenRouter's `models` fallbacks and `provider`. */
export const routingFields = {
  model: z.string().min(1).max(300).optional(),
  models: z.array(z.string().min(1).max(300)).min(1).max(10).optional(),
  provider: providerPreferencesSchema.optional(),
};

export const chatCompletionRequestSchema = z
  .looseObject({
    ...routingFields,
    messages: z.array(message).min(1, "messages must contain at least one message"),
    stream: z.boolean().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
    max_tokens: z.number().int().positive().nullish(),
    max_completion_tokens: z.number().int().positive().nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().min(0).max(1).nullish(),
    n: z.number().int().min(1).max(1).nullish(),
    tools: z.array(z.looseObject({ type: z.string() })).optional(),
    tool_choice: z.unknown().optional(),
    reasoning: z.looseObject({}).optional(),
    usage: z.looseObject({}).optional(),
    transforms: z.array(z.string()).optional(),
  })
  .refine((body) => body.model || body.models, { message: "model is required", path: ["model"] });

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** Fields we consume and never send upstream. */
export const ROUTER_ONLY_FIELDS = ["models", "provider", "usage", "transforms", "route"] as const;
