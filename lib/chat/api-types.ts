// JSON shapes of the chatroom's REST API, shared by route handlers and the browser. The shapes
// lower layers need too (lib/db, lib/providers) live in lib/dto/ and are re-exported here.
export type { ColumnDto, ColumnSettings, ConversationDto, ConversationSummaryDto, MessageDto, ReasoningEffort } from "../dto/conversation";
export type { ModelOption } from "../dto/model-option";
export type { ProviderCheckDto, ProviderStatusDto } from "../dto/provider";
import type { ColumnSettings } from "../dto/conversation";

/** Request bodies. */
export interface ChatRequestBody {
  /** Absent: a new conversation with `columns`. */
  conversationId?: string;
  prompt: string;
  /** Required for a new conversation; for an existing one, replaces its column settings. */
  columns?: ColumnSettings[];
  /** Names of the built-in tools to switch on; absent keeps the conversation's choice. */
  tools?: string[];
  /** A prompt of the conversation to edit: the new prompt starts a branch beside it. */
  editOf?: string;
  /** Start a blind comparison: `columns` (shuffled), or `random` models from a pool. */
  blind?: boolean;
  random?: { count: number; pool?: string[] };
  /** Ids of uploads (POST /api/attachments) sent with this prompt. */
  attachments?: string[];
}
