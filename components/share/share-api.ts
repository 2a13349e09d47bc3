// Browser-side calls to the share API; errors carry the server's own sentence.
import { requestJson } from "@/lib/chat/client/api";
import type { ExpiresIn } from "@/lib/share/expiry";
import type { ForkResponse, ShareLinkDto } from "@/lib/share/share-types";

export const shareKeys = {
  all: ["share-links"] as const,
  conversation: (conversationId: string) => ["share-links", conversationId] as const,
};

function send<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  return requestJson<T>(url, { ...init, cache: "no-store" });
}

export interface CreateShareInput {
  conversationId: string;
  includeSystemPrompts: boolean;
  includeStats: boolean;
  /** Images and text files attached to the prompts (off unless ticked). */
  includeAttachments?: boolean;
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
