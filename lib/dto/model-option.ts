// A model as the pickers offer it (GET /api/models): shared by the server and the browser.

export interface ModelOption {
  /** `provider/model`, e.g. "sandbox/swift-mini" or "openrouter/meta-llama/llama-3.3-70b-instruct:free". */
  id: string;
  name: string;
  provider: string;
  providerLabel: string;
  simulated: boolean;
  /** USD per million tokens, exact decimal strings ("0.075"); null when unknown. */
  promptPricePerMillion: string | null;
  completionPricePerMillion: string | null;
  contextLength: number | null;
  maxOutputTokens: number | null;
  free: boolean;
  /** Per-column parameters (temperature, top_p, stop, reasoning) this model does not take. */
  unsupportedParameters?: string[];
  /** Takes images (the catalog's input modalities); null when unknown. */
  vision?: boolean | null;
  /** Set when the option is a saved preset ("@preset/<slug>"): its models, first to last fallback. */
  preset?: { slug: string; models: string[]; team: boolean };
}
