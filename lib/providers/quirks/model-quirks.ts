// The quirks that apply to one upstream model: its provider's row, overridden by every
// per-model row whose pattern matches the upstream id.
import type { ProviderQuirks } from "../presets";

export type EffectiveQuirks = Omit<ProviderQuirks, "models">;

export function quirksFor(quirks: ProviderQuirks, upstreamModel: string): EffectiveQuirks {
  const { models = [], ...base } = quirks;
  let effective: EffectiveQuirks = base;
  for (const { match, ...row } of models) {
    if (new RegExp(match, "i").test(upstreamModel)) effective = { ...effective, ...row };
  }
  return effective;
}
