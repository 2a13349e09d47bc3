// Which providers are configured: the environment (see .env.example) merged with what an
// admin saved in Settings (credential-snapshot.ts). Where both set the same thing, the
// environment wins: it is what the operator deployed with, and Settings says so. A key from
// the environment is only ever sent to the base URL from the environment or the preset's own.
import { getEnv, listEnvVarNames, readEnvVar } from "../env";
import { CUSTOM_PREFIX, getStoredProviderSettings, keyHintOf, type StoredProviderSettings } from "./credential-snapshot";
import { CUSTOM_PROVIDER_QUIRKS, PROVIDER_PRESETS, SANDBOX_QUIRKS, envPrefixFor, type FreeTier, type ProviderQuirks } from "./presets";
import { sandboxState } from "./sandbox-mode";

export type ValueSource = "env" | "settings";

export interface ProviderConfig {
  id: string;
  label: string;
  kind: "preset" | "custom" | "sandbox";
  /** Where the provider itself is defined: built in (presets, sandbox), the environment, or Settings. */
  source: "builtin" | ValueSource;
  baseUrl: string;
  baseUrlSource: ValueSource | "default";
  apiKey: string | null;
  needsKey: boolean;
  keySource: ValueSource | null;
  /** Last four characters of the key in use ("" when the key is too short to hint at). */
  keyHint: string | null;
  /** A key saved in Settings, also when an environment key overrides it, or its decrypt error. */
  storedKey: { hint: string; error: string | null } | null;
  storedBaseUrl: string | null;
  /** Why a base URL saved in Settings is not the one in use: the environment's base URL wins, or the
   * environment's key is in use and goes only to the environment's or the default base URL. */
  storedBaseUrlUnused: "env-base-url" | "env-key" | null;
  configured: boolean;
  simulated: boolean;
  quirks: ProviderQuirks;
  freeTier?: FreeTier;
  /** Upstream model ids given by configuration (CUSTOM_PROVIDER_<NAME>_MODELS or Settings); else discovered. */
  listedModels: string[] | null;
  envVar: string | null;
  /** The variable a key from the environment is read from (for Settings to name it). */
  keyEnvVar: string | null;
  /** See ProviderPreset.keyCheckPath. */
  keyCheckPath: string | null;
}

const SANDBOX_INTERNAL_URL = "http://sandbox.internal/v1";

function presetProviders(stored: ReadonlyMap<string, StoredProviderSettings>): ProviderConfig[] {
  return PROVIDER_PRESETS.map((preset): ProviderConfig => {
    const prefix = envPrefixFor(preset.id);
    const saved = stored.get(preset.id);
    const envKey = readEnvVar(`${prefix}_API_KEY`) ?? null;
    const envBase = readEnvVar(`${prefix}_BASE_URL`);
    const apiKey = envKey ?? saved?.apiKey ?? null;
    // The operator's key goes only where the operator pointed it (or the provider's own endpoint):
    // a base URL saved in Settings is used with a key saved in Settings (or none), never with theirs.
    const savedBase = envKey ? undefined : (saved?.baseUrl ?? undefined);
    const baseOverride = envBase ?? savedBase;
    const configured = preset.needsKey ? apiKey !== null : baseOverride !== undefined || apiKey !== null;
    return {
      id: preset.id,
      label: preset.label,
      kind: "preset" as const,
      source: "builtin" as const,
      baseUrl: stripSlash(baseOverride ?? preset.baseUrl),
      baseUrlSource: envBase ? "env" : savedBase ? "settings" : "default",
      apiKey,
      needsKey: preset.needsKey,
      ...keyFields(envKey, saved),
      storedBaseUrl: saved?.baseUrl ?? null,
      storedBaseUrlUnused: saved?.baseUrl ? (envBase ? "env-base-url" : envKey ? "env-key" : null) : null,
      configured,
      simulated: false,
      quirks: preset.quirks,
      freeTier: preset.freeTier,
      listedModels: null,
      envVar: preset.needsKey ? `${prefix}_API_KEY` : `${prefix}_BASE_URL`,
      keyEnvVar: `${prefix}_API_KEY`,
      keyCheckPath: preset.keyCheckPath ?? null,
    };
  });
}

function keyFields(envKey: string | null, saved: StoredProviderSettings | undefined) {
  const storedKey = saved?.hasKey ? { hint: saved.keyHint, error: saved.keyError } : null;
  if (envKey) return { keySource: "env" as const, keyHint: keyHintOf(envKey), storedKey };
  if (storedKey) return { keySource: "settings" as const, keyHint: storedKey.hint, storedKey };
  return { keySource: null, keyHint: null, storedKey };
}

function customProviders(): ProviderConfig[] {
  const names = new Set<string>();
  for (const key of listEnvVarNames()) {
    const match = /^CUSTOM_PROVIDER_([A-Z0-9_]+?)_BASE_URL$/.exec(key);
    if (match) names.add(match[1]);
  }
  return [...names].sort().map((name): ProviderConfig => {
    const models = readEnvVar(`CUSTOM_PROVIDER_${name}_MODELS`);
    const apiKey = readEnvVar(`CUSTOM_PROVIDER_${name}_API_KEY`) ?? null;
    return {
      id: name.toLowerCase().replace(/_/g, "-"),
      label: name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, " "),
      kind: "custom" as const,
      source: "env" as const,
      baseUrl: stripSlash(readEnvVar(`CUSTOM_PROVIDER_${name}_BASE_URL`) ?? ""),
      baseUrlSource: "env" as const,
      apiKey,
      needsKey: false,
      ...keyFields(apiKey, undefined),
      storedBaseUrl: null,
      storedBaseUrlUnused: null,
      configured: true,
      simulated: false,
      quirks: CUSTOM_PROVIDER_QUIRKS,
      listedModels: models ? models.split(",").map((m) => m.trim()).filter(Boolean) : null,
      envVar: `CUSTOM_PROVIDER_${name}_BASE_URL`,
      keyEnvVar: `CUSTOM_PROVIDER_${name}_API_KEY`,
      keyCheckPath: null,
    };
  });
}

/** Custom providers added in Settings; an id the environment or a preset already uses is skipped. */
function storedCustomProviders(stored: ReadonlyMap<string, StoredProviderSettings>, taken: Set<string>): ProviderConfig[] {
  const providers: ProviderConfig[] = [];
  for (const saved of stored.values()) {
    if (!saved.providerId.startsWith(CUSTOM_PREFIX) || !saved.baseUrl) continue;
    const id = saved.providerId.slice(CUSTOM_PREFIX.length);
    if (taken.has(id)) continue;
    providers.push({
      id,
      label: id,
      kind: "custom",
      source: "settings",
      baseUrl: stripSlash(saved.baseUrl),
      baseUrlSource: "settings",
      apiKey: saved.apiKey,
      needsKey: false,
      ...keyFields(null, saved),
      storedBaseUrl: saved.baseUrl,
      storedBaseUrlUnused: null,
      // A saved key that cannot be decrypted must not turn into calls without a key.
      configured: saved.keyError === null,
      simulated: false,
      quirks: CUSTOM_PROVIDER_QUIRKS,
      listedModels: saved.models,
      envVar: null,
      keyEnvVar: null,
      keyCheckPath: null,
    });
  }
  return providers;
}

function sandboxProvider(): ProviderConfig {
  const env = getEnv();
  // Never a side effect of configuring something: see sandbox-mode.ts.
  const { enabled } = sandboxState(env.SANDBOX_ENABLED);
  return {
    id: "sandbox",
    label: "Sandbox (simulated)",
    kind: "sandbox",
    source: "builtin",
    baseUrl: stripSlash(env.SANDBOX_BASE_URL ?? SANDBOX_INTERNAL_URL),
    baseUrlSource: env.SANDBOX_BASE_URL ? "env" : "default",
    apiKey: "sandbox",
    needsKey: false,
    keySource: null,
    keyHint: null,
    storedKey: null,
    storedBaseUrl: null,
    storedBaseUrlUnused: null,
    configured: enabled,
    simulated: true,
    quirks: SANDBOX_QUIRKS,
    listedModels: null,
    envVar: "SANDBOX_ENABLED",
    keyEnvVar: null,
    keyCheckPath: null,
  };
}

let builtFor: ReturnType<typeof getEnv> | undefined;
let builtVersion = -1;
let built: ProviderConfig[] = [];

/** Every known provider, configured or not (the settings page lists them all). Built once
 * per environment and saved-settings version: the router asks for it on every request. */
export function listProviders(): ProviderConfig[] {
  const env = getEnv();
  const stored = getStoredProviderSettings();
  if (builtFor !== env || builtVersion !== stored.version) {
    const fromEnv = [...presetProviders(stored.byId), ...customProviders()];
    const taken = new Set(["sandbox", ...fromEnv.map((p) => p.id)]);
    const real = [...fromEnv, ...storedCustomProviders(stored.byId, taken)];
    built = [sandboxProvider(), ...real];
    builtFor = env;
    builtVersion = stored.version;
  }
  return built;
}

export function listConfiguredProviders(): ProviderConfig[] {
  return listProviders().filter((p) => p.configured);
}

export function getProvider(id: string): ProviderConfig | undefined {
  return listProviders().find((p) => p.id === id);
}

export function usesInProcessSandbox(provider: ProviderConfig): boolean {
  return provider.kind === "sandbox" && provider.baseUrl === SANDBOX_INTERNAL_URL;
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
