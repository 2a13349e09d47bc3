// Saved model sets are presets (lib/presets): one list, two uses. A set's columns open side by
// side in the chatroom; a plain preset opens one column per model with its parameters. Links
// carry a saved set by slug (`/?set=<slug>`) or unsaved columns with their settings
// (`/?models=a,b&columns=<JSON>&name=<name>`). The last set opened is remembered here.
import type { ColumnSettings } from "@/lib/chat/api-types";
import type { PresetDto, PresetInput } from "@/lib/presets/preset-schema";

const LAST_SET_KEY = "switchyard-last-model-set";

/** The columns a preset opens in the chatroom. */
export function columnsOfSet(preset: PresetDto): ColumnSettings[] {
  if (preset.columns?.length) return preset.columns.map((c) => ({ ...c }));
  const p = preset.parameters;
  return preset.models.map((modelId) => ({
    modelId,
    temperature: p.temperature ?? null,
    maxTokens: p.max_tokens ?? null,
    topP: p.top_p ?? null,
    stop: p.stop === undefined ? null : Array.isArray(p.stop) ? p.stop : [p.stop],
    reasoningEffort: p.reasoning?.effort ?? null,
    systemPrompt: preset.systemPrompt,
  }));
}

/** What Settings → Presets stores for the current columns saved under `name`. */
export function setInputOf(name: string, columns: readonly ColumnSettings[]): PresetInput {
  const models = [...new Set(columns.map((c) => c.modelId).filter((id) => !id.startsWith("@")))];
  return { slug: slugOf(name), name: name.trim(), models, columns: columns.filter((c) => !c.modelId.startsWith("@")).map(compact) };
}

export function slugOf(name: string): string {
  const slug = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
  return slug || "model-set";
}

/** A link that opens these columns, with their settings and a name. */
export function linkToColumns(columns: readonly ColumnSettings[], name?: string): string {
  const query = new URLSearchParams({ models: columns.map((c) => c.modelId).join(",") });
  const withSettings = columns.map(compact);
  if (withSettings.some((c) => Object.keys(c).length > 1)) query.set("columns", JSON.stringify(withSettings));
  if (name?.trim()) query.set("name", name.trim());
  return `/?${query}`;
}

export const linkToSet = (slug: string) => `/?set=${encodeURIComponent(slug)}`;

export function rememberLastSet(slug: string): void {
  try {
    localStorage.setItem(LAST_SET_KEY, slug);
  } catch {
    // Storage refused (private mode): nothing to remember.
  }
}

export function lastSetSlug(): string | null {
  try {
    return localStorage.getItem(LAST_SET_KEY);
  } catch {
    return null;
  }
}

/** Only the settings that are set: links and stored sets stay short. */
function compact(c: ColumnSettings): ColumnSettings {
  const out: ColumnSettings = { modelId: c.modelId };
  if (c.temperature != null) out.temperature = c.temperature;
  if (c.maxTokens != null) out.maxTokens = c.maxTokens;
  if (c.systemPrompt?.trim()) out.systemPrompt = c.systemPrompt;
  if (c.topP != null) out.topP = c.topP;
  if (c.stop?.length) out.stop = c.stop;
  if (c.reasoningEffort) out.reasoningEffort = c.reasoningEffort;
  return out;
}
