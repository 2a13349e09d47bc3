// Turns one entry of OpenRouter's GET /models into a catalog model with a single OpenRouter endpoint.
import { z } from "zod";
import { parseUsdPerToken } from "./price";
import type { CatalogModel } from "./types";

const priceString = z.union([z.string(), z.number()]).transform(String).optional().nullable();

/** Lenient on purpose: OpenRouter adds fields often, and one odd entry must not fail the whole list. */
export const openRouterEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().optional().nullable(),
  context_length: z.number().int().nonnegative().optional().nullable(),
  pricing: z
    .object({ prompt: priceString, completion: priceString, input_cache_read: priceString, input_cache_write: priceString, internal_reasoning: priceString })
    .optional()
    .nullable(),
  top_provider: z
    .object({ context_length: z.number().int().nonnegative().optional().nullable(), max_completion_tokens: z.number().int().nonnegative().optional().nullable() })
    .optional()
    .nullable(),
  supported_parameters: z.array(z.string()).optional().nullable(),
  architecture: z.object({ input_modalities: z.array(z.string()).optional().nullable() }).optional().nullable(),
});

/**
 * The catalog model for one OpenRouter entry, or null when it has no usable per-token price: routers such
 * as `openrouter/auto` publish "-1", and a price we cannot parse exactly is no price at all.
 */
export function catalogModelFromOpenRouter(raw: unknown): CatalogModel | null {
  const parsed = openRouterEntrySchema.safeParse(raw);
  if (!parsed.success) return null;
  const entry = parsed.data;
  const prompt = exactPrice(entry.pricing?.prompt);
  const completion = exactPrice(entry.pricing?.completion);
  if (prompt === null || completion === null) return null;
  const cachedPrompt = exactPrice(entry.pricing?.input_cache_read) ?? undefined;
  const cacheWrite = exactPrice(entry.pricing?.input_cache_write) ?? undefined;
  const reasoningPrice = exactPrice(entry.pricing?.internal_reasoning);
  // OpenRouter lists "0" when reasoning tokens are simply billed as completion tokens.
  const reasoning = reasoningPrice !== null && parseUsdPerToken(reasoningPrice) > 0n && reasoningPrice !== completion ? reasoningPrice : undefined;
  const contextLength = entry.context_length ?? entry.top_provider?.context_length ?? 0;
  const maxOutputTokens = entry.top_provider?.max_completion_tokens ?? null;
  const params = entry.supported_parameters ?? [];
  const free = entry.id.endsWith(":free") || (parseUsdPerToken(prompt) === 0n && parseUsdPerToken(completion) === 0n);
  return {
    id: entry.id,
    name: entry.name?.trim() || entry.id,
    contextLength,
    maxOutputTokens,
    capabilities: {
      tools: params.includes("tools"),
      streaming: true,
      systemRole: true,
      vision: (entry.architecture?.input_modalities ?? []).includes("image"),
      reasoning: params.includes("reasoning") || params.includes("include_reasoning"),
    },
    supportedParameters: [...params].sort(),
    free,
    endpoints: [
      {
        provider: "openrouter",
        upstreamId: entry.id,
        prompt,
        completion,
        ...(cachedPrompt !== undefined ? { cachedPrompt } : {}),
        ...(cacheWrite !== undefined ? { cacheWrite } : {}),
        ...(reasoning !== undefined ? { reasoning } : {}),
        contextLength,
        maxOutputTokens,
        free,
      },
    ],
  };
}

/** The price string as published, if it is a plain non-negative decimal we can price exactly. */
function exactPrice(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  try {
    parseUsdPerToken(value);
    return value;
  } catch {
    return null;
  }
}
