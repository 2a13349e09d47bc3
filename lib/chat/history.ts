// What one column's model sees: its system prompt, every earlier prompt, and only its own
// earlier answers (model A never sees model B's).
import type { Message } from "@prisma/client";

export type ChatTurnMessage = { role: "system" | "user" | "assistant"; content: string };

export function buildColumnHistory(
  messages: Pick<Message, "role" | "columnId" | "turn" | "content">[],
  columnId: string,
  upToTurn: number,
  systemPrompt: string | null,
): ChatTurnMessage[] {
  const out: ChatTurnMessage[] = [];
  if (systemPrompt) out.push({ role: "system", content: systemPrompt });
  const ordered = [...messages].sort((a, b) => a.turn - b.turn || (a.role === "user" ? -1 : 1));
  for (const message of ordered) {
    if (message.turn > upToTurn) continue;
    if (message.role === "user") out.push({ role: "user", content: message.content });
    else if (message.columnId === columnId && message.turn < upToTurn && message.content.trim() !== "") {
      out.push({ role: "assistant", content: message.content });
    }
  }
  return out;
}
