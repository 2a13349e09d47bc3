// Browser-side calls to the share API; errors carry the server's own sentence.
import { errorFromResponse } from "@/lib/chat/client/api";
import type { ExpiresIn } from "@/lib/share/expiry";
import type { ForkResponse, ShareLinkDto } from "@/lib/share/share-types";

export const shareKeys = {
  all: ["share-links"] as const,
  conversation: (conversationId: string) => ["share-links", conversationId] as const,
};

async function send<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    cache: "no-store",
    headers: json === undefined ? rest.headers : { "content-type": "application/json" },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

export interface CreateShareInput {
  conversationId: string;
  includeSystemPrompts: boolean;
  includeStats: boolean;
  expiresIn: ExpiresIn;
  updateExisting?: boolean;
}

export const createShareLink = (input: CreateShareInput) => send<ShareLinkDto>("/api/share", { method: "POST", json: input });

export async function listShareLinks(conversationId?: string): Promise<ShareLinkDto[]> {
  const query = conversationId ? `?conversationId=${encodeURIComponent(conversationId)}` : "";
  return (await send<{ links: ShareLinkDto[] }>(`/api/share${query}`)).links;
}

export const revokeShareLink = (id: string) => send<ShareLinkDto>(`/api/share/${encodeURIComponent(id)}`, { method: "DELETE" });

export const forkSharedConversation = (token: string) => send<ForkResponse>(`/api/share/${encodeURIComponent(token)}/fork`, { method: "POST" });
