// The chatroom's event stream: what the server sends a browser while a turn runs. Shared by the
// server and the browser; the stats every answer ends with live in lib/dto/column-stats.ts.
import type { ToolTraceEntry } from "../tools/trace";

export type { Usage } from "../ledger/usage";
import type { Usage } from "../ledger/usage";
import type { ColumnStats } from "../dto/column-stats";

export type { ColumnStats } from "../dto/column-stats";

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
