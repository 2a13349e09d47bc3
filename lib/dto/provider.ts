// What Settings shows of a provider and of its last check: shared by the server and the browser.

export interface ProviderStatusDto {
  id: string;
  label: string;
  kind: "preset" | "custom" | "sandbox";
  configured: boolean;
  simulated: boolean;
  baseUrl: string;
  /** Name of the env var that configures it, for the settings page's hint. */
  envVar: string | null;
  /** The variable a key from the environment comes from. */
  keyEnvVar: string | null;
  modelCount: number;
  /** Where the provider is defined: built in (presets, sandbox), the environment, or Settings. */
  source: "builtin" | "env" | "settings";
  needsKey: boolean;
  /** Where the key in use comes from; the environment wins over a key saved in Settings. */
  keySource: "env" | "settings" | null;
  /** The end of the key in use, like "…a1b2" (never the key itself); null when there is none or it is too short. */
  keyHint: string | null;
  /** A key saved in Settings (possibly overridden by the environment), or why it cannot be decrypted. */
  storedKey: { hint: string | null; error: string | null } | null;
  baseUrlSource: "env" | "settings" | "default";
  /** A base URL override saved in Settings (possibly overridden by the environment). */
  storedBaseUrl: string | null;
  /** Why the saved base URL is not in use: the environment's base URL wins, or the environment's key
   * is in use, and a key from the environment only goes to the environment's or the default base URL. */
  storedBaseUrlUnused: "env-base-url" | "env-key" | null;
  /** Model ids given by configuration (custom providers); null when they are discovered. */
  listedModels: string[] | null;
  /** The last check in this server process (Check, or saving a key); null when none ran since. */
  lastCheck?: (ProviderCheckDto & { at: string }) | null;
}

export interface ProviderCheckDto {
  id: string;
  ok: boolean;
  latencyMs: number | null;
  modelCount: number | null;
  error: string | null;
}
