// A column's settings as request parameters. Parameters the model does not support are left
// to the engine's quirks (dropped, and said so in the answer's notes), like any API request.
import { parseStopSequences } from "../db/column-row";

export interface ColumnSamplingRow {
  temperature: number | null;
  maxTokens: number | null;
  topP?: number | null;
  /** JSON array of stop sequences. */
  stop?: string | null;
  reasoningEffort?: string | null;
}

export function samplingParams(s: ColumnSamplingRow): { temperature?: number; max_tokens?: number; top_p?: number; stop?: string[]; reasoning?: { effort: string } } {
  const stop = parseStopSequences(s.stop ?? null) ?? [];
  return {
    ...(s.temperature != null ? { temperature: s.temperature } : {}),
    ...(s.maxTokens != null ? { max_tokens: s.maxTokens } : {}),
    ...(s.topP != null ? { top_p: s.topP } : {}),
    ...(stop.length ? { stop } : {}),
    ...(s.reasoningEffort ? { reasoning: { effort: s.reasoningEffort } } : {}),
  };
}
