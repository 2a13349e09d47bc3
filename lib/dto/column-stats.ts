// The figures every answer ends with, whatever the outcome: sent in the chatroom's events,
// saved with the message, shown by the browser.

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
