// Every provider speaks OpenAI chat completions; their differences are rows here, not code:
// how a request must be shaped for them (request side) and where their answers put
// reasoning and usage (response side), so adding a provider is one row.

export interface ProviderQuirks {
  /** Usage in a stream: sent when asked with `stream_options.include_usage`, always sent
   * (the option itself is refused), or never sent (Switchyard counts the tokens itself). */
  streamUsage: "when-asked" | "always" | "never";
  /** Accepts a `system` role message. */
  systemRole: boolean;
  /** Requires strictly alternating user/assistant turns. */
  alternatingRoles: boolean;
  /** Response side: where answers put reasoning text, usage and its details. */
  response: ResponseQuirks;
  /** Can stream; when false the answer is fetched whole and replayed as a stream. */
  streaming: boolean;
  /** Request parameters the endpoint rejects or ignores (dropped, or refused under require_parameters). */
  unsupportedParameters: string[];
  /** How OpenRouter-style `reasoning` is sent: as is, as OpenAI's `reasoning_effort`, or not at all. */
  reasoningParam: "reasoning" | "reasoning_effort" | null;
  /** Per-model exceptions, matched against the upstream model id; later rows win. */
  models?: ModelQuirksRow[];
}

export interface ResponseQuirks {
  /** Delta (and message) fields carrying reasoning text; the first one present is read. */
  reasoningFields: string[];
  /** Where a chunk or answer carries usage: `usage`, or elsewhere (Groq's `x_groq.usage`). */
  usageAt: string[];
  /** Dotted paths inside usage, first present wins: cached prompt tokens (reads),
   * prompt tokens written to a cache, and reasoning tokens. */
  cachedTokens: string[];
  cacheWriteTokens: string[];
  reasoningTokens: string[];
}

export interface ModelQuirksRow extends Partial<Omit<ProviderQuirks, "models">> {
  /** Regular expression source tested against the upstream model id. */
  match: string;
}

export interface FreeTier {
  /** Which models the free quota applies to. */
  appliesTo: "free-suffix" | "listed";
  models?: string[];
  requestsPerMinute: number;
  requestsPerDay: number;
}

export interface ProviderPreset {
  id: string;
  label: string;
  baseUrl: string;
  /** Local servers need no key: they are configured by their base URL alone. */
  needsKey: boolean;
  quirks: ProviderQuirks;
  freeTier?: FreeTier;
  /**
   * A path (under the base URL) that needs a valid key, asked by "Check" after the model list.
   * For providers whose GET /models is public: listing models alone would pass a fake key.
   */
  keyCheckPath?: string;
}

/** What OpenAI-compatible servers use between them; a row narrows or extends it. */
const standardResponse: ResponseQuirks = {
  reasoningFields: ["reasoning", "reasoning_content"],
  usageAt: ["usage"],
  cachedTokens: ["prompt_tokens_details.cached_tokens", "cache_read_input_tokens"],
  cacheWriteTokens: ["prompt_tokens_details.cache_write_tokens", "cache_creation_input_tokens"],
  reasoningTokens: ["completion_tokens_details.reasoning_tokens"],
};

const standard: ProviderQuirks = {
  streamUsage: "when-asked",
  systemRole: true,
  alternatingRoles: false,
  response: standardResponse,
  streaming: true,
  unsupportedParameters: [],
  reasoningParam: null,
};

// OpenAI's o-series and gpt-5 reasoning models fix their sampling and take `reasoning_effort`;
// the first o1 releases also had no system role and could not stream.
const OPENAI_SAMPLING = ["temperature", "top_p", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs"];
const openaiModels: ModelQuirksRow[] = [
  { match: "^(o\\d|gpt-5)", unsupportedParameters: OPENAI_SAMPLING, reasoningParam: "reasoning_effort" },
  { match: "^o1-(mini|preview)", systemRole: false, streaming: false },
];

export const PROVIDER_PRESETS: ProviderPreset[] = [
  {
    id: "openrouter",
    label: "OpenRouter",
    baseUrl: "https://openrouter.ai/api/v1",
    needsKey: true,
    quirks: { ...standard, reasoningParam: "reasoning", response: { ...standardResponse, reasoningFields: ["reasoning"] } },
    // OpenRouter's published limits for `:free` model variants.
    freeTier: { appliesTo: "free-suffix", requestsPerMinute: 20, requestsPerDay: 200 },
    // Its model list is public; GET /key answers only to a valid key.
    keyCheckPath: "/key",
  },
  { id: "openai", label: "OpenAI", baseUrl: "https://api.openai.com/v1", needsKey: true, quirks: { ...standard, models: openaiModels } },
  {
    id: "gemini",
    label: "Google Gemini",
    baseUrl: "https://generativelanguage.googleapis.com/v1beta/openai",
    needsKey: true,
    // Gemma has no system role; Gemini 2.5 thinks with `reasoning_effort`.
    quirks: { ...standard, models: [{ match: "^gemma", systemRole: false }, { match: "^gemini-2\\.5", reasoningParam: "reasoning_effort" }] },
    // Gemini API free tier for the Flash family (per model, per project).
    freeTier: { appliesTo: "listed", models: ["gemini-2.5-flash", "gemini-2.5-flash-lite"], requestsPerMinute: 10, requestsPerDay: 250 },
  },
  {
    id: "groq",
    label: "Groq",
    baseUrl: "https://api.groq.com/openai/v1",
    needsKey: true,
    // Groq's last chunk carries its own usage block under `x_groq` (older API versions only there).
    quirks: { ...standard, response: { ...standardResponse, usageAt: ["usage", "x_groq.usage"] } },
  },
  {
    id: "mistral",
    label: "Mistral",
    baseUrl: "https://api.mistral.ai/v1",
    needsKey: true,
    // Mistral sends usage in the last chunk on its own and rejects unknown request fields.
    quirks: { ...standard, streamUsage: "always", alternatingRoles: true },
  },
  {
    id: "deepseek",
    label: "DeepSeek",
    baseUrl: "https://api.deepseek.com/v1",
    needsKey: true,
    quirks: {
      ...standard,
      // The reasoner thinks in `reasoning_content`; cache hits are counted in their own usage field.
      response: { ...standardResponse, reasoningFields: ["reasoning_content"], cachedTokens: ["prompt_cache_hit_tokens", "prompt_tokens_details.cached_tokens"] },
      models: [{ match: "reasoner", unsupportedParameters: ["temperature", "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs"] }],
    },
  },
  { id: "together", label: "Together AI", baseUrl: "https://api.together.xyz/v1", needsKey: true, quirks: standard },
  { id: "fireworks", label: "Fireworks AI", baseUrl: "https://api.fireworks.ai/inference/v1", needsKey: true, quirks: standard },
  { id: "ollama", label: "Ollama", baseUrl: "http://localhost:11434/v1", needsKey: false, quirks: standard },
  { id: "lmstudio", label: "LM Studio", baseUrl: "http://localhost:1234/v1", needsKey: false, quirks: standard },
];

export const CUSTOM_PROVIDER_QUIRKS: ProviderQuirks = standard;
export const SANDBOX_QUIRKS: ProviderQuirks = { ...standard, reasoningParam: "reasoning" };

export function envPrefixFor(presetId: string): string {
  return presetId.toUpperCase();
}
