// Which providers are configured, read from the environment (see .env.example).
import { getEnv, listEnvVarNames, readEnvVar } from "../env";
import { CUSTOM_PROVIDER_QUIRKS, PROVIDER_PRESETS, SANDBOX_QUIRKS, envPrefixFor, type FreeTier, type ProviderQuirks } from "./presets";

export interface ProviderConfig {
  id: string;
  label: string;
  kind: "preset" | "custom" | "sandbox";
  baseUrl: string;
  apiKey: string | null;
  configured: boolean;
  simulated: boolean;
  quirks: ProviderQuirks;
  freeTier?: FreeTier;
  /** Upstream model ids given by configuration (CUSTOM_PROVIDER_<NAME>_MODELS); else discovered. */
  listedModels: string[] | null;
  envVar: string | null;
}

const SANDBOX_INTERNAL_URL = "http://sandbox.internal/v1";

function presetProviders(): ProviderConfig[] {
  return PROVIDER_PRESETS.map((preset) => {
    const prefix = envPrefixFor(preset.id);
    const apiKey = readEnvVar(`${prefix}_API_KEY`) ?? null;
    const baseOverride = readEnvVar(`${prefix}_BASE_URL`);
    const configured = preset.needsKey ? apiKey !== null : baseOverride !== undefined || apiKey !== null;
    return {
      id: preset.id,
      label: preset.label,
      kind: "preset" as const,
      baseUrl: stripSlash(baseOverride ?? preset.baseUrl),
      apiKey,
      configured,
      simulated: false,
      quirks: preset.quirks,
      freeTier: preset.freeTier,
      listedModels: null,
      envVar: preset.needsKey ? `${prefix}_API_KEY` : `${prefix}_BASE_URL`,
    };
  });
}

function customProviders(): ProviderConfig[] {
  const names = new Set<string>();
  for (const key of listEnvVarNames()) {
    const match = /^CUSTOM_PROVIDER_([A-Z0-9_]+?)_BASE_URL$/.exec(key);
    if (match) names.add(match[1]);
  }
  return [...names].sort().map((name) => {
    const models = readEnvVar(`CUSTOM_PROVIDER_${name}_MODELS`);
    return {
      id: name.toLowerCase().replace(/_/g, "-"),
      label: name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, " "),
      kind: "custom" as const,
      baseUrl: stripSlash(readEnvVar(`CUSTOM_PROVIDER_${name}_BASE_URL`) ?? ""),
      apiKey: readEnvVar(`CUSTOM_PROVIDER_${name}_API_KEY`) ?? null,
      configured: true,
      simulated: false,
      quirks: CUSTOM_PROVIDER_QUIRKS,
      listedModels: models ? models.split(",").map((m) => m.trim()).filter(Boolean) : null,
      envVar: `CUSTOM_PROVIDER_${name}_BASE_URL`,
    };
  });
}

function sandboxProvider(realConfigured: boolean): ProviderConfig {
  const env = getEnv();
  // On by default only when nothing real is configured; SANDBOX_ENABLED forces either way.
  const enabled = env.SANDBOX_ENABLED ?? !realConfigured;
  return {
    id: "sandbox",
    label: "Sandbox (simulated)",
    kind: "sandbox",
    baseUrl: stripSlash(env.SANDBOX_BASE_URL ?? SANDBOX_INTERNAL_URL),
    apiKey: "sandbox",
    configured: enabled,
    simulated: true,
    quirks: SANDBOX_QUIRKS,
    listedModels: null,
    envVar: "SANDBOX_ENABLED",
  };
}

let builtFor: ReturnType<typeof getEnv> | undefined;
let built: ProviderConfig[] = [];

/** Every known provider, configured or not (the settings page lists them all). Built once
 * per environment: the router asks for it on every request. */
export function listProviders(): ProviderConfig[] {
  const env = getEnv();
  if (builtFor !== env) {
    const real = [...presetProviders(), ...customProviders()];
    built = [sandboxProvider(real.some((p) => p.configured)), ...real];
    builtFor = env;
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
