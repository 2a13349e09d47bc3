// JSON shapes of the share API, shared by route handlers and the browser.
import type { ShareLinkStatus } from "./expiry";

export interface ShareLinkDto {
  id: string;
  token: string;
  /** Absolute link for copying; built from the request's origin. */
  url: string;
  conversationId: string;
  title: string;
  includeSystemPrompts: boolean;
  includeStats: boolean;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  viewCount: number;
  status: ShareLinkStatus;
}

export interface ForkResponse {
  conversationId: string;
}
