// The normalised event stream. Provider adapters emit UpstreamEvent; encoders at the edge
// (chatroom SSE, OpenAI SSE) turn them into bytes. Adapters never write SSE text.
import type { ToolTraceEntry } from "../tools/trace";

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  /** True when counted by our tokenizer because the provider sent no usage. */
  estimated: boolean;
  /** Upstream-reported cost in picodollars (OpenRouter's usage.cost), when given. */
  upstreamCostPico?: bigint;
}

export type UpstreamEvent =
  | { type: "start"; provider: string; upstreamModel: string }
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string }
  | { type: "tool-call"; index: number; id?: string; name?: string; argumentsDelta?: string }
  | { type: "usage"; usage: Usage }
  | { type: "finish"; finishReason: string }
  /** What the quirks normaliser changed about the request (presets.ts). */
  | { type: "adjusted"; dropped: string[]; replayed: boolean; trimmedMessages: number };

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
  usageEstimated: boolean;
  /** Decimal string of picodollars (JSON has no bigint). */
  costPico: string;
  ttftMs: number | null;
  totalMs: number;
  /** Parameters the model does not support, left out of the request. */
  droppedParams?: string[];
  /** The model cannot stream: its whole answer was fetched, then replayed. */
  replayed?: boolean;
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
