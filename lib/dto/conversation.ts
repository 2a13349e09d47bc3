// JSON shapes of a conversation (columns, messages, summaries), shared by the database layer,
// the route handlers and the browser.
import type { AttachmentDto } from "./attachment";
import type { ColumnStats } from "./column-stats";
import type { ToolTraceEntry } from "../tools/trace";

export type ReasoningEffort = "minimal" | "low" | "medium" | "high";

export interface ColumnSettings {
  modelId: string;
  temperature?: number | null;
  maxTokens?: number | null;
  systemPrompt?: string | null;
  topP?: number | null;
  /** Up to four stop sequences. */
  stop?: string[] | null;
  reasoningEffort?: ReasoningEffort | null;
}

export interface ColumnDto extends Required<Pick<ColumnSettings, "modelId" | "temperature" | "maxTokens" | "systemPrompt">>, Pick<ColumnSettings, "topP" | "stop" | "reasoningEffort"> {
  id: string;
  position: number;
  /** The model's display name, even when no configured provider serves it any more. */
  label?: { name: string; providerLabel: string; simulated: boolean };
  /** False: no configured provider serves the model now ("model unavailable"). */
  available?: boolean;
}

export interface MessageDto {
  id: string;
  columnId: string | null;
  turn: number;
  /** "fusion": a fused answer (no column), merging the turn's answers. */
  role: "user" | "assistant" | "fusion";
  /** The prompt before it on its branch (for a prompt), or its prompt (for an answer). */
  parentId?: string | null;
  /** Its siblings, oldest first: a prompt's edited versions (branches), an answer's regenerations. */
  versions?: string[];
  /** On a prompt: the answer every column continues from; null: each column its own. */
  sharedAnswerId?: string | null;
  modelId?: string | null;
  content: string;
  reasoning: string;
  status: "streaming" | "done" | "stopped" | "error";
  stats: ColumnStats | null;
  /** The built-in tools this answer called, with their results, in order. */
  toolTrace?: ToolTraceEntry[];
  /**
   * Copied in from an exported file: it made no call here and has no ledger row (its stats
   * cost is $0); `costPico` is what it cost where it was exported.
   */
  imported?: { costPico: string };
  /** A prompt's images and text files (user messages only). */
  attachments?: AttachmentDto[];
  createdAt: string;
}

export interface ConversationSummaryDto {
  id: string;
  title: string;
  updatedAt: string;
  /** Picodollars as a decimal string. */
  costPico: string;
  /** A blind comparison (the arena); `hidden` until the reveal (a vote, or "Reveal models" after votes kept hidden): models, providers and costs withheld. */
  blind?: { hidden: boolean };
  /** Only in search results: where in a prompt or answer the words were found. */
  snippet?: string;
}

export interface ConversationDto extends ConversationSummaryDto {
  columns: ColumnDto[];
  /** Names of the built-in tools switched on (lib/tools/registry.ts). */
  enabledTools?: string[];
  messages: MessageDto[];
}
