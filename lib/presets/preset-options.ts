// The viewer's presets as options of the chatroom's model picker: a column whose model is
// "@preset/<slug>", priced and sized as the preset's first model.
import { formatUsdPerMillion } from "../catalog/price";
import type { ModelOption } from "../dto/model-option";
import { resolveCandidates, type Candidate } from "../router/resolve-model";
import { PRESET_PREFIX } from "./apply-preset";
import { listPresets, type PresetViewer } from "./presets";

export async function presetModelOptions(viewer: PresetViewer): Promise<ModelOption[]> {
  return (await listPresets(viewer)).map((preset) => {
    const first = firstEndpoint(preset.models[0]);
    const known = first?.priceKnown === true;
    return {
      id: `${PRESET_PREFIX}${preset.slug}`,
      name: preset.name,
      provider: "preset",
      providerLabel: `${preset.team ? "Team preset" : "Preset"} · ${preset.models.join(" → ")}`,
      simulated: first?.provider.simulated ?? false,
      promptPricePerMillion: known ? formatUsdPerMillion(first.price.prompt) : null,
      completionPricePerMillion: known ? formatUsdPerMillion(first.price.completion) : null,
      contextLength: first?.contextLength ?? null,
      maxOutputTokens: first?.maxOutputTokens ?? null,
      free: first?.free ?? false,
      preset: { slug: preset.slug, models: preset.models, team: preset.team },
    };
  });
}

function firstEndpoint(model: string | undefined): Candidate | undefined {
  if (!model) return undefined;
  try {
    return resolveCandidates(model).find((c) => c.provider.configured);
  } catch {
    // A preset whose model went away still shows; calling it says why.
    return undefined;
  }
}
