// Shared builders for the quirks tests (not a test file itself).
import { CUSTOM_PROVIDER_QUIRKS, type ProviderQuirks } from "@/lib/providers/presets";
import type { NormaliseTarget } from "@/lib/providers/quirks/normalise-request";

export const standardQuirks: ProviderQuirks = CUSTOM_PROVIDER_QUIRKS;

export function target(overrides: { quirks?: ProviderQuirks } & Partial<Omit<NormaliseTarget, "provider">> = {}): NormaliseTarget {
  const { quirks = standardQuirks, ...rest } = overrides;
  return { provider: { quirks }, upstreamModel: "model", contextLength: null, maxOutputTokens: null, supportedParameters: null, ...rest };
}
