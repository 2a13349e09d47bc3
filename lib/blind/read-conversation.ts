// What the comparison page may read of a conversation: everything, or, for a blind comparison
// before its vote, the redacted copy (redact-blind.ts).
import type { ConversationDto } from "../chat/api-types";
import { getConversation } from "../db/conversations";
import { AppError } from "../errors";
import { blindStateOf } from "./blind-state";
import { redactConversation } from "./redact-blind";

export async function readConversationForPage(userId: string, id: string): Promise<ConversationDto | null> {
  const conversation = await getConversation(userId, id);
  if (!conversation?.blind?.hidden) return conversation;
  const state = await blindStateOf(userId, id);
  return redactConversation(conversation, state?.models ?? conversation.columns.map((c) => c.modelId));
}

/** Exports and share links would carry the models: refused until the vote. */
export function assertNotHidden(conversation: Pick<ConversationDto, "blind"> | null): void {
  if (conversation?.blind?.hidden) throw new AppError(409, "This is a blind comparison: vote on a turn and reveal its models first, then it can be shared or exported", "conflict");
}
