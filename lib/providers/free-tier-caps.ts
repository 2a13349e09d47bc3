// Free-tier caps per user, from the provider presets, overridable per deployment with
// FREE_TIER_<PRESET>_RPM / FREE_TIER_<PRESET>_RPD (an account on a paid plan gets more).
import { readEnvVar } from "../env";
import type { FreeTierCap } from "../limits/free-tier-cap";
import { PROVIDER_PRESETS, envPrefixFor } from "./presets";

const warned = new Set<string>();

function readLimit(name: string, fallback: number): number {
  const raw = readEnvVar(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value > 0) return value;
  if (!warned.has(name)) {
    warned.add(name);
    console.warn(`[limits] ${name}=${raw} is not a positive whole number; using ${fallback}`);
  }
  return fallback;
}

/** The model's own name, whatever prefix it came with ("google/gemini-2.5-flash", "models/gemini-2.5-flash"). */
function bareModelName(modelId: string): string {
  return modelId.split("/").pop() ?? modelId;
}

/**
 * The cap that applies to this call, or null when the model is not on that provider's free
 * tier. `assumeFree`: the caller already matched the upstream model (the router knows the
 * endpoint; the requested id may be an alias), so only the scope is taken from the name.
 */
export function freeTierCap(providerId: string, modelId: string, { assumeFree = false } = {}): FreeTierCap | null {
  const preset = PROVIDER_PRESETS.find((p) => p.id === providerId);
  const tier = preset?.freeTier;
  if (!preset || !tier) return null;
  const prefix = `FREE_TIER_${envPrefixFor(preset.id)}`;
  const rpm = readLimit(`${prefix}_RPM`, tier.requestsPerMinute);
  const rpd = readLimit(`${prefix}_RPD`, tier.requestsPerDay);
  if (tier.appliesTo === "free-suffix") {
    if (!assumeFree && !modelId.endsWith(":free")) return null;
    return { provider: preset.id, providerLabel: preset.label, scope: preset.id, models: null, rpm, rpd, description: `${preset.label} free models` };
  }
  const name = bareModelName(modelId);
  if (!assumeFree && !(tier.models ?? []).includes(name)) return null;
  return {
    provider: preset.id,
    providerLabel: preset.label,
    scope: `${preset.id}/${name}`,
    models: [name, `models/${name}`],
    rpm,
    rpd,
    description: `${name} on the ${preset.label} free tier`,
  };
}
