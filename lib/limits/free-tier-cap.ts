// What a free-tier cap is, as admission counts it. The caps themselves come from the provider
// presets (lib/providers/free-tier-caps.ts).

export interface FreeTierCap {
  provider: string;
  providerLabel: string;
  /** What the quota is counted over: the whole provider (OpenRouter `:free`) or one model (Gemini). */
  scope: string;
  /** Upstream model names the scope covers, or null for "any name ending in :free". */
  models: string[] | null;
  rpm: number;
  rpd: number;
  /** Words for an error message: "OpenRouter free models", "gemini-2.5-flash on the Google Gemini free tier". */
  description: string;
}
