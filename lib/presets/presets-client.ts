// Browser-side calls to /api/presets. Errors carry the server's own sentence (ApiError).
import { errorFromResponse } from "../http/response-error";
import { jsonWriteHeaders } from "../http/csrf-client";
import type { PresetDto, PresetInput } from "./preset-schema";

export const presetsQueryKey = ["presets"] as const;

async function send<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

export async function fetchPresets(): Promise<PresetDto[]> {
  return (await send<{ presets: PresetDto[] }>("/api/presets")).presets;
}

/** Creates a preset, or replaces the one with `id`. */
export async function savePreset(input: PresetInput, id?: string): Promise<PresetDto> {
  const url = id ? `/api/presets/${encodeURIComponent(id)}` : "/api/presets";
  return (await send<{ preset: PresetDto }>(url, { method: id ? "PUT" : "POST", headers: jsonWriteHeaders(), body: JSON.stringify(input) })).preset;
}

export async function deletePreset(id: string): Promise<void> {
  await send(`/api/presets/${encodeURIComponent(id)}`, { method: "DELETE", headers: jsonWriteHeaders() });
}
