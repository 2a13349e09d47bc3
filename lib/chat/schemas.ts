// Request bodies of the chatroom's routes.
import { z } from "zod";
import { CHAT_TOOL_NAMES } from "../tools/registry";
import { MAX_ATTACHMENTS_PER_PROMPT } from "../attachments/limits";

export const MAX_COLUMNS = 8;

const modelIdSchema = z.string().trim().min(3).max(300).regex(/^[^/\s]+\/\S+$/, "Model ids look like provider/model");

export const columnSettingsSchema = z.object({
  modelId: modelIdSchema,
  temperature: z.number().min(0).max(2).nullish(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullish(),
  systemPrompt: z.string().max(100_000).nullish(),
});

/** Ids of uploads (POST /api/attachments) sent with the prompt, in order. */
const attachmentIdsSchema = z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS_PER_PROMPT, `At most ${MAX_ATTACHMENTS_PER_PROMPT} attachments per prompt`);

export const chatRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100).optional(),
    prompt: z.string().max(1_000_000).refine((p) => p.trim().length > 0, "The prompt is empty"),
    columns: z.array(columnSettingsSchema).min(1).max(MAX_COLUMNS, `At most ${MAX_COLUMNS} models at once`).optional(),
    tools: z.array(z.enum(CHAT_TOOL_NAMES as [string, ...string[]])).max(20).optional(),
    attachments: attachmentIdsSchema.optional(),
  })
  .strict();

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
    attachments: attachmentIdsSchema.optional(),
  })
  .strict();

export const renameRequestSchema = z.object({ title: z.string().trim().min(1, "The title is empty").max(200) }).strict();
