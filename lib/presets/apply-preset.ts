// `model: "@preset/<slug>"`: a call names a saved preset instead of a model. Every edge (chat
// completions, the other API formats, a chatroom column) turns its request into a CallSpec and
// passes it through applyPreset, which puts the preset's models, provider preferences,
// parameters and system prompt into it. What the request sets itself wins over the preset.
import type { CallSpec } from "../calls/call-spec";
import { AppError } from "../errors";
import type { WireMessage } from "../providers/quirks/message-rules";
import { findPresetForCall } from "./presets";

export const PRESET_PREFIX = "@preset/";

/** The slug a model id names, or null when it is an ordinary model id. */
export function presetSlugOf(model: string): string | null {
  return model.startsWith(PRESET_PREFIX) ? model.slice(PRESET_PREFIX.length) : null;
}

type PresetTarget = Pick<CallSpec, "models" | "preferences" | "body" | "options">;

/**
 * The spec with its preset applied; the spec itself when it names none. The preset's models
 * come first (its first model, then its fallbacks), then any further fallbacks the request
 * lists; its system prompt goes before the request's messages. 404 when no preset of the
 * caller's, or of the team, has the slug.
 */
export async function applyPreset<T extends PresetTarget>(userId: string, spec: T): Promise<T> {
  const slug = presetSlugOf(spec.models[0] ?? "");
  const nested = spec.models.slice(1).findIndex((m) => presetSlugOf(m) !== null);
  if (nested >= 0) throw new AppError(400, "Only the first model may be a preset", "invalid_request", "models");
  if (slug === null) return spec;
  const preset = await findPresetForCall(userId, slug);
  if (!preset) throw new AppError(404, `No preset "${PRESET_PREFIX}${slug}": create it in Settings → Presets`, "model_not_found", "model");

  const preferences = { ...preset.provider, ...spec.preferences };
  const system: WireMessage[] = preset.systemPrompt ? [{ role: "system", content: preset.systemPrompt }] : [];
  return {
    ...spec,
    models: [...preset.models, ...spec.models.slice(1).filter((m) => !preset.models.includes(m))],
    preferences,
    body: { ...preset.parameters, ...spec.body, messages: [...system, ...spec.body.messages] },
    options: { ...spec.options, requireParameters: spec.options?.requireParameters === true || preferences.require_parameters === true },
  };
}
