// Browser-side calls to the chatroom's REST routes. Errors come back as `{ error: { message } }`;
// they are turned into ApiError so the UI can show the server's own sentence.
import { csrfHeaders } from "@/lib/http/csrf-client";
import { errorFromResponse } from "@/lib/http/response-error";
import type {
  ColumnSettings,
  ConversationDto,
  ConversationSummaryDto,
  ModelOption,
  ProviderCheckDto,
  ProviderStatusDto,
} from "@/lib/chat/api-types";

export { ApiError, errorFromResponse } from "@/lib/http/response-error";

/** JSON in and out; state-changing methods carry the CSRF header. */
export async function requestJson<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const writes = rest.method !== undefined && rest.method !== "GET" && rest.method !== "HEAD";
  const response = await fetch(url, {
    ...rest,
    headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...(writes ? csrfHeaders() : {}), ...(rest.headers as Record<string, string> | undefined) },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

export const queryKeys = {
  models: ["models"] as const,
  conversations: ["conversations"] as const,
  conversationSearch: (q: string) => ["conversations", "search", q] as const,
  conversation: (id: string) => ["conversation", id] as const,
  providers: ["providers"] as const,
  estimate: (body: EstimateRequest) => ["estimate", body] as const,
};

export async function fetchModels(): Promise<ModelOption[]> {
  return (await requestJson<{ models: ModelOption[] }>("/api/models")).models;
}

export async function fetchConversations(): Promise<ConversationSummaryDto[]> {
  return (await requestJson<{ conversations: ConversationSummaryDto[] }>("/api/conversations")).conversations;
}

export async function searchConversations(q: string, signal?: AbortSignal): Promise<ConversationSummaryDto[]> {
  return (await requestJson<{ conversations: ConversationSummaryDto[] }>(`/api/conversations?${new URLSearchParams({ q })}`, { signal })).conversations;
}

export function exportHref(id: string, format: "json" | "md"): string {
  return `/api/conversations/${encodeURIComponent(id)}/export?format=${format}`;
}

/** The text of an exported JSON file, posted as is: the server validates it. */
export function importConversation(fileText: string): Promise<{ conversationId: string }> {
  return requestJson("/api/conversations/import", { method: "POST", headers: { "content-type": "application/json" }, body: fileText });
}

export function fetchConversation(id: string): Promise<ConversationDto> {
  return requestJson<ConversationDto>(`/api/conversations/${encodeURIComponent(id)}`);
}

export function renameConversation(id: string, title: string): Promise<ConversationSummaryDto> {
  return requestJson(`/api/conversations/${encodeURIComponent(id)}`, { method: "PATCH", json: { title } });
}

export function deleteConversation(id: string): Promise<{ ok: true }> {
  return requestJson(`/api/conversations/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function stopStreaming(target: { messageId: string } | { conversationId: string }): Promise<{ stopped: number }> {
  return requestJson("/api/chat/stop", { method: "POST", json: target });
}

export interface EstimateRequest {
  prompt: string;
  conversationId?: string;
  columns: ColumnSettings[];
  /** Ids of uploads waiting to go with the prompt. */
  attachments?: string[];
}

export interface EstimateResponse {
  columns: { modelId: string; promptTokens: number; maxCompletionTokens: number; minCostPico: string; maxCostPico: string }[];
  totalMaxCostPico: string;
  /** A hidden blind comparison: only the total, over this many columns. */
  hidden?: boolean;
  columnCount?: number;
}

export function estimateTurn(body: EstimateRequest, signal?: AbortSignal): Promise<EstimateResponse> {
  return requestJson("/api/chat/estimate", { method: "POST", json: body, signal });
}

export async function fetchProviders(): Promise<ProviderStatusDto[]> {
  return (await requestJson<{ providers: ProviderStatusDto[] }>("/api/providers")).providers;
}

export function checkProvider(id: string): Promise<ProviderCheckDto> {
  return requestJson(`/api/providers/${encodeURIComponent(id)}/check`, { method: "POST" });
}

/** Shows one version of an answer, or one branch of an edited prompt. */
export function selectVersion(messageId: string): Promise<{ conversationId: string }> {
  return requestJson("/api/chat/select", { method: "POST", json: { messageId } });
}

/** After the prompt's turn every column continues from this answer; null: each column its own. */
export function continueWithAnswer(promptId: string, answerId: string | null): Promise<{ conversationId: string }> {
  return requestJson("/api/chat/continue-with", { method: "POST", json: { promptId, answerId } });
}

/** Swap, add or remove columns of a running conversation (an id keeps a column; none adds one). */
export function updateColumns(conversationId: string, columns: (ColumnSettings & { id?: string })[]): Promise<ConversationDto> {
  return requestJson(`/api/conversations/${encodeURIComponent(conversationId)}/columns`, { method: "PUT", json: { columns } });
}
