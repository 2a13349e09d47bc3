// An answer's tool calls and their results, as saved with the message (JSON) and replayed
// into the column's history on later turns.
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";

export interface ToolTraceEntry {
  /** Which upstream call of the answer asked for it (0 = the first). */
  round: number;
  id: string;
  name: string;
  arguments: string;
  /** The tool's output, or an error text the model was shown; null while it runs. */
  result: string | null;
  ok: boolean;
}

export function parseToolTrace(json: string | null | undefined): ToolTraceEntry[] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as ToolTraceEntry[]) : [];
  } catch {
    return [];
  }
}

/** The assistant tool-call messages and tool results the model saw, round by round. */
export function traceToMessages(trace: readonly ToolTraceEntry[]): ChatCompletionMessageParam[] {
  const rounds = [...new Set(trace.map((entry) => entry.round))].sort((a, b) => a - b);
  return rounds.flatMap((round) => {
    const calls = trace.filter((entry) => entry.round === round);
    return [
      {
        role: "assistant" as const,
        content: null,
        tool_calls: calls.map((c) => ({ id: c.id, type: "function" as const, function: { name: c.name, arguments: c.arguments } })),
      },
      ...calls.map((c) => ({ role: "tool" as const, tool_call_id: c.id, content: c.result ?? "" })),
    ];
  });
}
