// What one column's model sees: its system prompt, every earlier prompt on the branch, and
// after each prompt one answer — its own (model A never sees model B's), with the tool calls
// and results it made, so the model knows what it already looked up. Two exceptions: a turn
// the reader chose to continue from one answer ("Continue with this answer", or a fused
// answer) gives that answer to every column; a column added later, with no answer of its own
// for a turn, gets the first column's, so it starts from the conversation so far.
import type { Message } from "@prisma/client";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { PathStep } from "../db/message-tree";
import { parseToolTrace, traceToMessages } from "../tools/trace";
import { promptContent, type TurnAttachments } from "../attachments/prompt-content";

export type HistoryRow = Pick<Message, "id" | "role" | "columnId" | "turn" | "content" | "parentId" | "selected" | "createdAt" | "sharedAnswerId"> & { toolTrace?: string };

export const HISTORY_SELECT = { id: true, role: true, columnId: true, turn: true, content: true, toolTrace: true, parentId: true, selected: true, createdAt: true, sharedAnswerId: true } as const;

/** The answer a column continues from after `step`; `own` says whether it is the column's own. */
export function answerAfter(step: PathStep<HistoryRow>, columnId: string, columnOrder: readonly string[]): { answer: HistoryRow; own: boolean } | null {
  const shared = step.prompt.sharedAnswerId;
  if (shared) {
    for (const entry of step.answers.values()) {
      const found = entry.versions.find((v) => v.id === shared);
      if (found) return { answer: found, own: found.columnId === columnId && found.role === "assistant" };
    }
  }
  const own = step.answers.get(columnId)?.selected;
  if (own) return { answer: own, own: true };
  for (const id of columnOrder) {
    const other = step.answers.get(id)?.selected;
    if (other && other.content.trim() !== "") return { answer: other, own: false };
  }
  return null;
}

/** `attachments`: the conversation's files by turn, sent with their prompts (images only to a model that takes them). */
export function buildColumnHistory(
  steps: PathStep<HistoryRow>[],
  columnId: string,
  systemPrompt: string | null,
  columnOrder: readonly string[],
  attachments?: TurnAttachments,
): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  if (systemPrompt) out.push({ role: "system", content: systemPrompt });
  for (const step of steps) {
    out.push({ role: "user", content: promptContent(step.prompt.content, attachments?.byTurn.get(step.prompt.turn), attachments?.images ?? null) });
    const after = answerAfter(step, columnId, columnOrder);
    if (!after) continue;
    if (after.own) out.push(...traceToMessages(parseToolTrace(after.answer.toolTrace)));
    if (after.answer.content.trim() !== "") out.push({ role: "assistant", content: after.answer.content });
  }
  return out;
}
