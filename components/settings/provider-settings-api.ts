// Browser-side calls that change provider settings (admin only). Every write carries the
// CSRF header; answers hold a key's hint, never the key.
import type { QueryClient } from "@tanstack/react-query";
import { catalogKeys } from "@/components/models/catalog-client";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
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

export async function saveProviderCredential(id: string, change: CredentialChange): Promise<ProviderStatusDto> {
  return ((await send(`/api/providers/${encodeURIComponent(id)}/credential`, "PUT", change)) as { provider: ProviderStatusDto }).provider;
}

export async function addCustomProvider(body: NewCustomProviderBody): Promise<ProviderStatusDto> {
  return ((await send("/api/providers/custom", "POST", body)) as { provider: ProviderStatusDto }).provider;
}

export async function removeCustomProvider(name: string): Promise<void> {
  await send(`/api/providers/custom/${encodeURIComponent(name)}`, "DELETE");
}

/** A provider change alters what the picker, the models page and this list show. */
export function refreshAfterProviderChange(queryClient: QueryClient): void {
  for (const queryKey of [queryKeys.providers, queryKeys.models, catalogKeys.all, catalogKeys.status]) void queryClient.invalidateQueries({ queryKey });
}
