// What a preset holds, validated once for the Settings routes and again when a stored row is
// read: a slug, one or more models (the first is called, the rest are its fallbacks), provider
// preferences, request parameters and a system prompt.
//
// One list, two uses: on the API (and as one chatroom column) a preset is a model with
// fallbacks; as a chatroom "saved model set" (issue 14) the same preset's models are opened
// side by side, one column each, with the preset's parameters and system prompt.
import { z } from "zod";
import { providerPreferencesSchema } from "../router/provider-preferences-schema";

export const MAX_PRESET_MODELS = 10;

export const presetSlugSchema = z
  .string({ error: "slug is required" })
  .trim()
  .min(1, "slug is required")
  .max(64, "slug must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "slug may use lowercase letters, digits, dots, dashes and underscores, and starts with a letter or digit");

const modelIdSchema = z
  .string()
  .trim()
  .min(3)
  .max(300)
  .regex(/^[^/\s@]+\/\S+$/, "Model ids look like provider/model (a preset cannot name another preset)");

/** One chatroom column of a saved model set: a model and its settings (the chatroom's column
 * settings are this, with presets allowed as models). */
export const presetColumnSchema = z.object({
  modelId: modelIdSchema,
  temperature: z.number().min(0).max(2).nullish(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullish(),
  systemPrompt: z.string().max(100_000).nullish(),
  topP: z.number().min(0).max(1).nullish(),
  stop: z.array(z.string().min(1).max(200)).max(4, "At most 4 stop sequences").nullish(),
  reasoningEffort: z.enum(["minimal", "low", "medium", "high"]).nullish(),
});

export type PresetColumn = z.infer<typeof presetColumnSchema>;

export const MAX_SET_COLUMNS = 8;

/** The request parameters a preset may set; a request's own values win over them. */
export const presetParametersSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    top_k: z.number().int().min(0).optional(),
    min_p: z.number().min(0).max(1).optional(),
    max_tokens: z.number().int().positive().max(1_000_000).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    repetition_penalty: z.number().min(0).max(2).optional(),
    seed: z.number().int().optional(),
    stop: z.union([z.string().max(200), z.array(z.string().max(200)).max(4)]).optional(),
    reasoning: z
      .object({ effort: z.enum(["minimal", "low", "medium", "high"]).optional(), max_tokens: z.number().int().positive().optional(), exclude: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

export type PresetParameters = z.infer<typeof presetParametersSchema>;

export const presetInputSchema = z
  .object({
    slug: presetSlugSchema,
    name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
    description: z.string().trim().max(500, "description must be at most 500 characters").optional(),
    models: z
      .array(modelIdSchema, { error: "models must be a list of model ids" })
      .min(1, "A preset needs at least one model")
      .max(MAX_PRESET_MODELS, `A preset has at most ${MAX_PRESET_MODELS} models`)
      .refine((models) => new Set(models).size === models.length, "Each model may appear once"),
    provider: providerPreferencesSchema.strict().optional(),
    parameters: presetParametersSchema.optional(),
    systemPrompt: z.string().max(100_000, "systemPrompt must be at most 100000 characters").nullish(),
    /** Published to every user of the instance (admins only). */
    team: z.boolean().optional(),
    /** A saved model set: the chatroom opens these columns side by side (a model may repeat with other settings). */
    columns: z.array(presetColumnSchema).min(1).max(MAX_SET_COLUMNS, `A model set has at most ${MAX_SET_COLUMNS} columns`).nullish(),
  })
  .strict();

export type PresetInput = z.infer<typeof presetInputSchema>;

/** A preset as the browser and the engine see it. */
export interface PresetDto {
  id: string;
  slug: string;
  name: string;
  description: string;
  team: boolean;
  models: string[];
  provider: z.infer<typeof providerPreferencesSchema>;
  parameters: PresetParameters;
  systemPrompt: string | null;
  /** Set for a saved model set: its columns, each a model with its settings. */
  columns: PresetColumn[] | null;
  /** The viewer may change or delete it (their own; a team preset for an admin). */
  editable: boolean;
  updatedAt: string;
}
