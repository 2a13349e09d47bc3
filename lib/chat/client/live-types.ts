// The browser's picture of answers that are streaming right now (or just finished and not
// yet reloaded from the server). Published objects are immutable: a new object means
// "changed", so memoised components skip every answer that did not move this frame.
import type { AttachmentDto } from "@/lib/attachments/attachment-types";
import type { ColumnSettings } from "@/lib/chat/api-types";
import type { ColumnStats } from "@/lib/streaming/events";
import type { ToolTraceEntry } from "@/lib/tools/trace";

export type AnswerStatus = "streaming" | "done" | "stopped" | "error";

export interface LiveUsage {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  estimated: boolean;
}

export interface LiveAnswer {
  readonly columnId: string;
  readonly messageId: string;
  readonly modelId: string;
  readonly turn: number;
  readonly text: string;
  readonly reasoning: string;
  /** Built-in tool calls so far, each with its result once it has run. */
  readonly toolTrace: readonly ToolTraceEntry[];
  readonly provider: string | null;
  readonly usage: LiveUsage | null;
  readonly stats: ColumnStats | null;
  readonly status: AnswerStatus;
  readonly error: string | null;
  /** performance.now() when the request left, and when this column's first token came. */
  readonly startedAt: number;
  readonly firstTokenAt: number | null;
  readonly endedAt: number | null;
}

export interface LiveSession {
  readonly key: string;
  readonly kind: "turn" | "regenerate" | "fuse";
  /** A turn that edits this prompt (a new branch). */
  readonly editOf?: string | null;
  readonly conversationId: string | null;
  readonly turn: number | null;
  /** The prompt of a new turn; null for a regeneration. */
  readonly prompt: string | null;
  /** What was asked for, so a brand-new comparison can draw its columns before the server answers. */
  readonly requestColumns: readonly ColumnSettings[];
  /** Files sent with the prompt, shown in its row before the server's copy arrives. */
  readonly attachments?: readonly AttachmentDto[];
  /** By columnId. */
  readonly answers: Readonly<Record<string, LiveAnswer>>;
  readonly status: "connecting" | "streaming" | "finished" | "failed";
  /** A failure of the whole request (bad input, lost connection), not of one column. */
  readonly error: string | null;
}
