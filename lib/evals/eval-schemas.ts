// Request bodies of the evaluation-set routes.
import { z } from "zod";

const prompt = z.string().max(100_000).refine((p) => p.trim().length > 0, "A prompt is empty");
const modelId = z.string().trim().min(3).max(300).regex(/^[^/\s]+\/\S+$/, "Model ids look like provider/model");

export const MAX_EVAL_PROMPTS = 500;

export const createEvalSetSchema = z.object({ name: z.string().trim().min(1, "The name is empty").max(120), prompts: z.array(prompt).min(1).max(MAX_EVAL_PROMPTS) }).strict();

export const evalModelsSchema = z.object({ models: z.array(modelId).min(1).max(8), maxTokens: z.number().int().min(1).max(1_000_000).optional() }).strict();

export const startEvalRunSchema = z
  .object({
    models: z.array(modelId).min(1).max(8),
    /** USD, decimal text ("0.50"): the run stops before a prompt that could pass it. */
    costCapUsd: z.string().regex(/^\d{1,9}(\.\d{1,12})?$/, "The cost cap is an amount in USD, like 0.50"),
    concurrency: z.number().int().min(1).max(4).default(2),
    /** Per answer: bounds each call, and so the worst case the cap is kept with. */
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
