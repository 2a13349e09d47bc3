// Request bodies of the chatroom's routes.
import { z } from "zod";
import { CHAT_TOOL_NAMES } from "../tools/registry";
import { presetColumnSchema } from "../presets/preset-schema";
import { MAX_ATTACHMENTS_PER_PROMPT } from "../attachments/limits";

export const MAX_COLUMNS = 8;

export const modelIdSchema = z.string().trim().min(3).max(300).regex(/^[^/\s]+\/\S+$/, "Model ids look like provider/model");

/** A column's model and settings: a saved model set's column, where the model may also be a preset. */
export const columnSettingsSchema = presetColumnSchema.extend({ modelId: modelIdSchema });

/** Ids of uploads (POST /api/attachments) sent with the prompt, in order. */
const attachmentIdsSchema = z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS_PER_PROMPT, `At most ${MAX_ATTACHMENTS_PER_PROMPT} attachments per prompt`);

export const chatRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100).optional(),
    prompt: z.string().max(1_000_000).refine((p) => p.trim().length > 0, "The prompt is empty"),
    columns: z.array(columnSettingsSchema).min(1).max(MAX_COLUMNS, `At most ${MAX_COLUMNS} models at once`).optional(),
    tools: z.array(z.enum(CHAT_TOOL_NAMES as [string, ...string[]])).max(20).optional(),
    editOf: z.string().min(1).max(100).optional(),
    /** A new blind comparison (the arena): the columns in a random order, or `random` models. */
    blind: z.boolean().optional(),
    random: z
      .object({ count: z.number().int().min(2).max(MAX_COLUMNS), pool: z.array(modelIdSchema).min(2).max(500).optional() })
      .strict()
      .optional(),
    attachments: attachmentIdsSchema.optional(),
  })
  .strict()
  .refine((body) => !body.random || body.blind, { message: "Random models are for blind comparisons (set blind: true)", path: ["random"] })
  .refine((body) => !body.blind || !body.conversationId, { message: "Blind is chosen when a comparison starts", path: ["blind"] });

export const stopRequestSchema = z.union([
  z.object({ messageId: z.string().min(1).max(100) }).strict(),
  z.object({ conversationId: z.string().min(1).max(100) }).strict(),
]);

const idSchema = z.string().min(1).max(100);

/** Show this version of an answer, or this branch of a prompt. */
export const selectRequestSchema = z.object({ messageId: idSchema }).strict();

/** The answer every column continues from after its turn; null: each column its own. */
export const continueWithRequestSchema = z.object({ promptId: idSchema, answerId: idSchema.nullable() }).strict();

export const fuseRequestSchema = z.object({ promptId: idSchema, modelId: modelIdSchema }).strict();

/** The columns of a running conversation: an id keeps (or swaps) a column, no id adds one, a missing id removes it. */
export const columnsUpdateSchema = z
  .object({ columns: z.array(columnSettingsSchema.extend({ id: idSchema.optional() })).min(1).max(MAX_COLUMNS, `At most ${MAX_COLUMNS} models at once`) })
  .strict();

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
