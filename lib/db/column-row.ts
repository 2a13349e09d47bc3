// A conversation column's row: written from a column's settings, read back as them. The one
// place that knows how settings are stored (stop sequences as a JSON array, blank system
// prompts as null).
import type { ColumnSettings } from "../dto/conversation";

export function columnData(settings: ColumnSettings, position: number) {
  return {
    position,
    modelId: settings.modelId,
    temperature: settings.temperature ?? null,
    maxTokens: settings.maxTokens ?? null,
    systemPrompt: settings.systemPrompt?.trim() ? settings.systemPrompt : null,
    topP: settings.topP ?? null,
    stop: settings.stop?.length ? JSON.stringify(settings.stop) : null,
    reasoningEffort: (settings.reasoningEffort ?? null) as string | null,
  };
}

/** A stored column's settings as the API shows them. */
export function columnSettingsOf(c: { modelId: string; temperature: number | null; maxTokens: number | null; systemPrompt: string | null; topP: number | null; stop: string | null; reasoningEffort: string | null }): Required<ColumnSettings> {
  return {
    modelId: c.modelId,
    temperature: c.temperature,
    maxTokens: c.maxTokens,
    systemPrompt: c.systemPrompt,
    topP: c.topP,
    stop: parseStopSequences(c.stop),
    reasoningEffort: (c.reasoningEffort as ColumnSettings["reasoningEffort"]) ?? null,
  };
}

export function parseStopSequences(json: string | null): string[] | null {
  if (!json) return null;
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) && list.every((s) => typeof s === "string") ? list : null;
  } catch {
    return null;
  }
}
