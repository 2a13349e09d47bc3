// What one column's model sees: its system prompt, every earlier prompt, and only its own
// earlier answers (model A never sees model B's) — with the tool calls and results each of
// those answers made, so the model knows what it already looked up.
import type { Message } from "@prisma/client";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { parseToolTrace, traceToMessages } from "../tools/trace";
import { promptContent, type TurnAttachments } from "../attachments/prompt-content";

export type HistoryRow = Pick<Message, "role" | "columnId" | "turn" | "content"> & { toolTrace?: string };

/** `attachments`: the conversation's files by turn, sent with their prompts (images only to a model that takes them). */
export function buildColumnHistory(
  messages: HistoryRow[],
  columnId: string,
  upToTurn: number,
  systemPrompt: string | null,
  attachments?: TurnAttachments,
): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  if (systemPrompt) out.push({ role: "system", content: systemPrompt });
  const ordered = [...messages].sort((a, b) => a.turn - b.turn || (a.role === "user" ? -1 : 1));
  for (const message of ordered) {
    if (message.turn > upToTurn) continue;
    if (message.role === "user") out.push({ role: "user", content: promptContent(message.content, attachments?.byTurn.get(message.turn), attachments?.images ?? null) });
    else if (message.columnId === columnId && message.turn < upToTurn) {
      const trace = parseToolTrace(message.toolTrace);
      out.push(...traceToMessages(trace));
      if (message.content.trim() !== "") out.push({ role: "assistant", content: message.content });
    }
  }
  return out;
}
