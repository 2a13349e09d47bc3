// The file a conversation is exported to, and imported from: every column with its
// settings, every turn's prompt and answers, and each answer's stats and cost. Versioned, and
// validated field by field on import (the file comes from anywhere).
import { z } from "zod";
import { columnSettingsSchema, MAX_COLUMNS, modelIdSchema } from "../schemas";

export const EXPORT_FORMAT = "switchyard.conversation";
export const EXPORT_VERSION = 1;

const MAX_TURNS = 500;
const MAX_TEXT = 500_000;
const count = z.number().int().min(0).max(1e12);
const millis = z.number().int().min(0).max(1e9).nullable();
const picodollars = z.string().regex(/^\d{1,30}$/, "costs are whole picodollars as a decimal string");

const statsSchema = z.object({
  provider: z.string().max(200).nullable(),
  finishReason: z.string().max(100).nullable(),
  promptTokens: count,
  completionTokens: count,
  reasoningTokens: count,
  cachedTokens: count,
  usageEstimated: z.boolean(),
  /** What the answer cost (for an answer imported before: what it cost where it was made). */
  costPico: picodollars,
  ttftMs: millis,
  totalMs: millis,
});

const toolTraceEntrySchema = z.object({
  round: z.number().int().min(0).max(100),
  id: z.string().max(200),
  name: z.string().max(200),
  arguments: z.string().max(100_000),
  result: z.string().max(MAX_TEXT).nullable(),
  ok: z.boolean(),
});

const answerSchema = z.object({
  status: z.enum(["done", "stopped", "error"]),
  content: z.string().max(MAX_TEXT),
  reasoning: z.string().max(MAX_TEXT).default(""),
  error: z.string().max(10_000).nullable().default(null),
  toolTrace: z.array(toolTraceEntrySchema).max(200).default([]),
  stats: statsSchema.nullable().default(null),
});

/** A turn's fused answer: the turn's answers merged into one by `modelId`. */
const fusionSchema = answerSchema.extend({
  modelId: modelIdSchema,
  /** The display name where it was exported; informative only. */
  name: z.string().max(300).optional(),
});

/** A prompt's file as listed in an export: what it was, not its bytes (an import does not bring files back). */
const attachmentSchema = z.object({
  name: z.string().max(1000),
  kind: z.enum(["image", "text"]),
  mimeType: z.string().max(100),
  sizeBytes: count,
  width: count.nullable(),
  height: count.nullable(),
});

/** A column: its model and settings, checked as the chatroom checks them. */
const columnSchema = columnSettingsSchema.extend({
  /** The display name where it was exported; informative only. */
  name: z.string().max(300).optional(),
});

export const conversationExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}": is this a Switchyard conversation export?` }),
    version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}` }),
    exportedAt: z.string().max(100).optional(),
    title: z.string().trim().min(1, "is empty").max(200),
    tools: z.array(z.string().max(100)).max(20).default([]),
    columns: z.array(columnSchema).min(1, "at least one column").max(MAX_COLUMNS, `at most ${MAX_COLUMNS} columns`),
    turns: z
      .array(
        z.object({
          prompt: z.string().max(1_000_000),
          attachments: z.array(attachmentSchema).max(50).optional(),
          answers: z.array(answerSchema.nullable()),
          fusion: fusionSchema.optional(),
        }),
      )
      .max(MAX_TURNS, `at most ${MAX_TURNS} turns`),
    totalCostPico: picodollars.optional(),
  })
  .superRefine((file, ctx) => {
    file.turns.forEach((turn, i) => {
      if (turn.answers.length !== file.columns.length) {
        ctx.addIssue({ code: "custom", path: ["turns", i, "answers"], message: `has ${turn.answers.length} answers for ${file.columns.length} columns` });
      }
    });
  });

export type ConversationExport = z.infer<typeof conversationExportSchema>;
export type ExportedAnswer = z.infer<typeof answerSchema>;
export type ExportedColumn = z.infer<typeof columnSchema>;
