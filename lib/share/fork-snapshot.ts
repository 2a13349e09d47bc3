// "Continue this comparison": copies a snapshot into a new conversation of the current
// user, with the same columns (system prompts only if they were shared), messages and files
// (only if they were shared), so the next prompt carries on from the same history in each
// column. Titled "… (copy)" so the sidebar does not show two conversations of one name.
import type { StoredAttachment } from "../db/attachments";
import { copiedStats, insertConversationCopy, type CopiedAnswer } from "../db/conversation-copy";
import type { SharedAnswer, SharedSnapshot } from "./snapshot-types";

export function forkTitle(title: string): string {
  return /\(copy\)$/.test(title) ? title : `${title} (copy)`;
}

/** `attachments`: the files the link shared, with their bytes (sharedAttachmentRows), so the copy's next turns still send them. */
export async function forkSnapshot(userId: string, snapshot: SharedSnapshot, attachments: StoredAttachment[] = [], now = new Date()): Promise<string> {
  return insertConversationCopy(
    userId,
    {
      title: forkTitle(snapshot.title),
      columns: snapshot.columns.map((c) => ({ modelId: c.modelId, temperature: c.temperature, maxTokens: c.maxTokens, systemPrompt: c.systemPrompt ?? null, topP: c.topP, stop: c.stop, reasoningEffort: c.reasoningEffort })),
      turns: snapshot.turns.map((turn) => ({
        prompt: turn.prompt,
        answers: turn.answers.map((a) => (a ? copiedAnswer(a) : null)),
        ...(turn.fusion ? { fusion: { ...copiedAnswer(turn.fusion), modelId: turn.fusion.modelId } } : {}),
      })),
      attachments,
    },
    now,
  );
}

function copiedAnswer(answer: SharedAnswer): CopiedAnswer {
  return { content: answer.content, reasoning: answer.reasoning, status: answer.status, stats: answer.stats && copiedStats(answer.stats) };
}
