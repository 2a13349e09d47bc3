// The chat-completions request body the sandbox accepts. Unknown top-level parameters pass
// through silently, as they do at real providers; the ones the sandbox acts on are checked.
import { z } from "zod";

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

export const sandboxMessageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z.union([z.string(), z.array(contentPartSchema)]).nullish(),
  name: z.string().optional(),
  tool_call_id: z.string().optional(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string(),
        type: z.string().optional(),
        function: z.object({ name: z.string(), arguments: z.string() }),
      }),
    )
    .optional(),
});

export const sandboxToolSchema = z.looseObject({
  type: z.literal("function"),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

const toolChoiceSchema = z.union([
  z.enum(["none", "auto", "required"]),
  z.looseObject({ type: z.literal("function"), function: z.object({ name: z.string() }) }),
]);

const tokenLimit = z.number().int().positive().nullish();

export const sandboxRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(sandboxMessageSchema).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: tokenLimit,
  max_completion_tokens: tokenLimit,
  temperature: z.number().min(0).max(2).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  tools: z.array(sandboxToolSchema).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
});

export type SandboxRequest = z.infer<typeof sandboxRequestSchema>;
export type SandboxMessage = z.infer<typeof sandboxMessageSchema>;
export type SandboxTool = z.infer<typeof sandboxToolSchema>;

/** The plain text of a message, whether its content is a string or an array of parts. */
export function messageText(message: SandboxMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (!content) return "";
  return content.map((part) => part.text ?? "").join("\n");
}
