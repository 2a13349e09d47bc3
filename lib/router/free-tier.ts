// Whether a call falls under a provider's free quota (OpenRouter `:free` variants, Gemini's
// free-tier models), so it counts against that quota before the upstream refuses.
import type { Candidate } from "./resolve-model";

export function freeTierProviderOf(candidate: Candidate): string | null {
  const tier = candidate.provider.freeTier;
  if (!tier) return null;
  if (tier.appliesTo === "free-suffix") return candidate.upstreamModel.endsWith(":free") ? candidate.provider.id : null;
  return tier.models?.includes(candidate.upstreamModel) ? candidate.provider.id : null;
}
