// Browser-side calls to /api/keys. Errors carry the server's own sentence (ApiError).
import { jsonWriteHeaders } from "../http/csrf-client";
import { errorFromResponse } from "../http/response-error";
import type { ApiKeyDto, CreatedApiKeyDto, CreditResetName } from "./api-keys-dto";

export const apiKeysQueryKey = ["api-keys"] as const;

export interface CreateApiKeyBody {
  name: string;
  creditLimitUsd: string | null;
  creditReset: CreditResetName;
  rpm: number | null;
  rpd: number | null;
  tpm: number | null;
  logPrompts: boolean;
  responseCache: boolean;
  /** YYYY-MM-DD: valid through that day (UTC). */
  expiresAt: string | null;
}

export async function fetchApiKeys(): Promise<ApiKeyDto[]> {
  const response = await fetch("/api/keys", { cache: "no-store" });
  if (!response.ok) throw await errorFromResponse(response);
  return ((await response.json()) as { keys: ApiKeyDto[] }).keys;
}

export async function postApiKey(body: CreateApiKeyBody): Promise<CreatedApiKeyDto> {
  const response = await fetch("/api/keys", { method: "POST", headers: jsonWriteHeaders(), body: JSON.stringify(body) });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as CreatedApiKeyDto;
}

export async function deleteApiKey(id: string): Promise<void> {
  const response = await fetch(`/api/keys/${encodeURIComponent(id)}`, { method: "DELETE", headers: jsonWriteHeaders() });
  if (!response.ok) throw await errorFromResponse(response);
}
