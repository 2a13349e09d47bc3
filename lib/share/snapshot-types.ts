// The frozen, public shape of a shared conversation. It holds only what the shared page
// shows: no user, no message or column ids, no stats or system prompts unless chosen.
import type { AttachmentDto } from "../attachments/attachment-types";
import type { ColumnSettings } from "../dto/conversation";
import type { ColumnStats } from "../streaming/events";

export const SNAPSHOT_VERSION = 1;

export interface SharedColumn {
  modelId: string;
  name: string;
  providerLabel: string;
  simulated: boolean;
  temperature: number | null;
  maxTokens: number | null;
  /** Absent in snapshots made before these settings were shared. */
  topP?: number | null;
  stop?: string[] | null;
  reasoningEffort?: ColumnSettings["reasoningEffort"];
  /** Present only when the owner chose to include system prompts. */
  systemPrompt?: string | null;
}

/** Stats without the upstream error text, which can quote provider or key details. */
export type SharedStats = Omit<ColumnStats, "error"> & { error: null };

export interface SharedAnswer {
  content: string;
  reasoning: string;
  status: "done" | "stopped" | "error";
  /** Present only when the owner chose to include stats. */
  stats?: SharedStats;
}

/** A turn's fused answer, with the model that merged the answers (named as the columns are). */
export type SharedFusion = SharedAnswer & Pick<SharedColumn, "modelId" | "name" | "providerLabel" | "simulated">;

/** A prompt's file, shown only when the owner ticked "include attachments"; its bytes are read
 * through the link (GET /api/share/:token/attachments/:id) while the link works. */
export type SharedAttachment = AttachmentDto;

export interface SharedTurn {
  prompt: string;
  /** Present only when the owner chose to include attachments and this prompt had some. */
  attachments?: SharedAttachment[];
  /** One per column, in column order; null where a column has no answer for this turn. */
  answers: (SharedAnswer | null)[];
  /** Present when the turn's answers were fused (snapshots made before fusions were shared have none). */
  fusion?: SharedFusion;
}

export interface SharedSnapshot {
  version: typeof SNAPSHOT_VERSION;
  title: string;
  sharedAt: string;
  includeSystemPrompts: boolean;
  includeStats: boolean;
  /** Absent in snapshots made before attachments existed (none were included). */
  includeAttachments?: boolean;
  columns: SharedColumn[];
  turns: SharedTurn[];
  /** Picodollars as a decimal string; only with stats. */
  totalCostPico?: string;
}
