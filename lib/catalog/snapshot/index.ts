// The bundled catalog: real list prices as of one day, so the app prices calls without any network.
// Regenerate by re-reading the sources below; never edit a price without moving `takenAt`.
import type { CatalogSnapshot } from "../types";
import { DEEPSEEK_MODELS } from "./deepseek";
import { GOOGLE_MODELS } from "./google";
import { META_LLAMA_MODELS } from "./meta-llama";
import { MISTRAL_MODELS } from "./mistral";
import { OPENAI_MODELS } from "./openai";
import { OTHER_OPEN_MODELS } from "./other-open-models";
import { QWEN_MODELS } from "./qwen";

export const CATALOG_SNAPSHOT: CatalogSnapshot = {
  takenAt: "2026-08-01",
  source: [
    "OpenRouter GET https://openrouter.ai/api/v1/models as fetched 2026-08-01 (openrouter endpoints, names, capabilities, parameters)",
    "LiteLLM model_prices_and_context_window.json as of 2026-08-01 (openai, gemini, groq, mistral, together, fireworks endpoints)",
    "DeepSeek API pricing page (api-docs.deepseek.com/quick_start/pricing), V4 prices in force on 2026-08-01 (deepseek endpoints)",
  ].join("; "),
  models: [
    ...OPENAI_MODELS,
    ...GOOGLE_MODELS,
    ...META_LLAMA_MODELS,
    ...DEEPSEEK_MODELS,
    ...MISTRAL_MODELS,
    ...QWEN_MODELS,
    ...OTHER_OPEN_MODELS,
  ],
};
