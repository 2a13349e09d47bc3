// The shape of the bundled catalog: what a model is, and where (and at what list price) it can be called.

/** One way to call a model: a provider preset and the id that provider knows it by. */
export interface CatalogEndpoint {
  /** Provider preset id: openrouter | openai | gemini | groq | mistral | deepseek | together | fireworks. */
  provider: string;
  /** The model id this provider expects in `model`. */
  upstreamId: string;
  /** USD per token as exact decimal strings, as published: floats would lose the last digits. */
  prompt: string;
  completion: string;
  /** Prompt tokens read from the provider's cache. */
  cachedPrompt?: string;
  /** Prompt tokens written to the provider's cache (Anthropic, Gemini); absent: billed as prompt tokens. */
  cacheWrite?: string;
  /** Only where reasoning tokens are billed differently from completion tokens. */
  reasoning?: string;
  contextLength: number;
  maxOutputTokens: number | null;
  free: boolean;
}

export interface CatalogModel {
  /** Canonical `author/slug`, OpenRouter style, e.g. "openai/gpt-4o-mini", "openai/gpt-oss-20b:free". */
  id: string;
  name: string;
  contextLength: number;
  maxOutputTokens: number | null;
  capabilities: { tools: boolean; streaming: boolean; systemRole: boolean; vision: boolean; reasoning: boolean };
  supportedParameters: string[];
  free: boolean;
  endpoints: CatalogEndpoint[];
}

export interface CatalogSnapshot {
  /** ISO date the facts were taken: prices drift, so every figure is "as of" this day. */
  takenAt: string;
  source: string;
  models: CatalogModel[];
}
