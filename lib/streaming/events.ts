// The chatroom's event stream: what the server sends a browser while a turn runs, and the
// stats every answer ends with. Shared by the server and the browser.
import type { ToolTraceEntry } from "../tools/trace";

export type { Usage } from "../ledger/usage";
import type { Usage } from "../ledger/usage";

/** Everything a column's answer has when it ends, whatever the outcome. */
export interface ColumnStats {
  status: "done" | "stopped" | "error";
  finishReason: string | null;
  error: string | null;
  provider: string | null;
  modelId: string;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  /** Prompt tokens written to the provider's cache (absent in answers saved before it was kept). */
  cacheWriteTokens?: number;
  usageEstimated: boolean;
  /** Decimal string of picodollars (JSON has no bigint). */
  costPico: string;
  ttftMs: number | null;
  totalMs: number;
  /** Parameters the model does not support, left out of the request. */
  droppedParams?: string[];
  /** The model cannot stream: its whole answer was fetched, then replayed. */
  replayed?: boolean;
  /** A blind comparison before its vote: the figures are withheld (zeros), not measured. */
  hidden?: boolean;
  /** Images attached to the prompt that this text-only model was not sent. */
  omittedImages?: number;
}

/** Events of the chatroom's multiplexed SSE stream (one `event:` name per type). */
export type ChatEvent =
  | { type: "turn"; conversationId: string; turn: number; userMessageId: string }
  | { type: "column-start"; columnId: string; messageId: string; modelId: string }
  | { type: "provider"; columnId: string; provider: string }
  | { type: "text"; columnId: string; text: string }
  | { type: "reasoning"; columnId: string; text: string }
  | { type: "usage"; columnId: string; usage: Omit<Usage, "upstreamCostPico"> }
  /** A built-in tool the model called (arguments whole), then what it returned. */
  | { type: "tool-call"; columnId: string; call: ToolTraceEntry }
  | { type: "tool-result"; columnId: string; id: string; ok: boolean; result: string }
  | { type: "column-end"; columnId: string; messageId: string; stats: ColumnStats }
  | { type: "column-error"; columnId: string; messageId: string; error: string; stats: ColumnStats }
  | { type: "done" };
