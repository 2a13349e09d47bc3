// Browser-side calls that change provider settings (admin only). Every write carries the
// CSRF header; answers hold a key's hint, never the key.
import type { QueryClient } from "@tanstack/react-query";
import { catalogKeys } from "@/components/models/catalog-client";
import type { ProviderCheckDto, ProviderStatusDto } from "@/lib/chat/api-types";
import type { SandboxSettingDto } from "@/lib/providers/sandbox-setting-response";
import { errorFromResponse, queryKeys } from "@/lib/chat/client/api";
import { jsonWriteHeaders } from "@/lib/http/csrf-client";

export interface CredentialChange {
  apiKey?: string | null;
  baseUrl?: string | null;
  models?: string | null;
}

export interface NewCustomProviderBody {
  name: string;
  baseUrl: string;
  apiKey?: string;
  models?: string;
}

async function send(url: string, method: "PUT" | "POST" | "DELETE", body?: unknown): Promise<unknown> {
  const response = await fetch(url, { method, headers: jsonWriteHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

/** The saved provider, and the check the server ran at once with the new key or URL (null: not configured). */
export interface SavedProvider {
  provider: ProviderStatusDto;
  check: ProviderCheckDto | null;
}

export async function saveProviderCredential(id: string, change: CredentialChange): Promise<SavedProvider> {
  return (await send(`/api/providers/${encodeURIComponent(id)}/credential`, "PUT", change)) as SavedProvider;
}

export async function addCustomProvider(body: NewCustomProviderBody): Promise<SavedProvider> {
  return (await send("/api/providers/custom", "POST", body)) as SavedProvider;
}

export const sandboxKey = ["sandbox-setting"] as const;

export async function fetchSandboxSetting(): Promise<SandboxSettingDto> {
  const response = await fetch("/api/settings/sandbox", { cache: "no-store" });
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

export async function saveSandboxMode(mode: "on" | "off"): Promise<SandboxSettingDto> {
  return (await send("/api/settings/sandbox", "PUT", { mode })) as SandboxSettingDto;
}

export async function removeCustomProvider(name: string): Promise<void> {
  await send(`/api/providers/custom/${encodeURIComponent(name)}`, "DELETE");
}

/** A provider change alters what the picker, the models page and this list show. */
export function refreshAfterProviderChange(queryClient: QueryClient): void {
  for (const queryKey of [queryKeys.providers, queryKeys.models, catalogKeys.all, catalogKeys.status, sandboxKey]) void queryClient.invalidateQueries({ queryKey });
}
