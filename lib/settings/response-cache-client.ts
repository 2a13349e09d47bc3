// Browser-side calls to /api/settings/response-cache.
import { errorFromResponse } from "../chat/client/api";
import { jsonWriteHeaders } from "../http/csrf-client";

export const responseCacheQueryKey = ["response-cache-settings"] as const;

export interface ResponseCacheSettings {
  shared: boolean;
  defaultTtlSeconds: number;
}

export async function fetchResponseCacheSettings(): Promise<ResponseCacheSettings> {
  const response = await fetch("/api/settings/response-cache", { cache: "no-store" });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as ResponseCacheSettings;
}

export async function saveResponseCacheSettings(shared: boolean): Promise<ResponseCacheSettings> {
  const response = await fetch("/api/settings/response-cache", { method: "PUT", headers: jsonWriteHeaders(), body: JSON.stringify({ shared }) });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as ResponseCacheSettings;
}
