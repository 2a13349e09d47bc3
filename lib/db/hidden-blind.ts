// The one rule for whether a conversation's models are still hidden from the page: a blind
// comparison not revealed yet (the reveal is a vote, or "Reveal models" after votes kept hidden).
import type { Prisma } from "@prisma/client";

export const HIDDEN_BLIND = { blind: true, revealedAt: null } satisfies Prisma.ConversationWhereInput;

export function isHiddenBlind(conversation: { blind: boolean; revealedAt: Date | null }): boolean {
  return conversation.blind && conversation.revealedAt === null;
}
