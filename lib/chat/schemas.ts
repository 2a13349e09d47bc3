// Request bodies of the chatroom's routes.
import { z } from "zod";
import { CHAT_TOOL_NAMES } from "../tools/registry";

export const MAX_COLUMNS = 8;

const modelIdSchema = z.string().trim().min(3).max(300).regex(/^[^/\s]+\/\S+$/, "Model ids look like provider/model");

export const columnSettingsSchema = z.object({
  modelId: modelIdSchema,
  temperature: z.number().min(0).max(2).nullish(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullish(),
  systemPrompt: z.string().max(100_000).nullish(),
});

export const chatRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100).optional(),
    prompt: z.string().max(1_000_000).refine((p) => p.trim().length > 0, "The prompt is empty"),
    columns: z.array(columnSettingsSchema).min(1).max(MAX_COLUMNS, `At most ${MAX_COLUMNS} models at once`).optional(),
    tools: z.array(z.enum(CHAT_TOOL_NAMES as [string, ...string[]])).max(20).optional(),
    /** A new blind comparison (the arena): the columns in a random order, or `random` models. */
    blind: z.boolean().optional(),
    random: z
      .object({ count: z.number().int().min(2).max(MAX_COLUMNS), pool: z.array(modelIdSchema).min(2).max(500).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((body) => !body.random || body.blind, { message: "Random models are for blind comparisons (set blind: true)", path: ["random"] })
  .refine((body) => !body.blind || !body.conversationId, { message: "Blind is chosen when a comparison starts", path: ["blind"] });

export const stopRequestSchema = z.union([
  z.object({ messageId: z.string().min(1).max(100) }).strict(),
  z.object({ conversationId: z.string().min(1).max(100) }).strict(),
]);

export const regenerateRequestSchema = z.object({ messageId: z.string().min(1).max(100) }).strict();

export const estimateRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100).optional(),
    prompt: z.string().max(1_000_000),
    columns: z.array(columnSettingsSchema).min(1).max(MAX_COLUMNS),
  })
  .strict();

export const renameRequestSchema = z.object({ title: z.string().trim().min(1, "The title is empty").max(200) }).strict();
