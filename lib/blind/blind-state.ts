// Whether a conversation's models are still hidden from its owner: blind and not revealed yet (a vote
// reveals them unless the voter keeps going blind; see lib/votes/blind-votes.ts).
import { getDb } from "../db/client";
import { isHiddenBlind } from "../db/hidden-blind";

export interface BlindState {
  /** True while the page must not learn which model is which. */
  hidden: boolean;
  /** Real model ids by column position (server-side only). */
  models: string[];
  /** Column ids by position. */
  columnIds: string[];
}

export async function blindStateOf(userId: string, conversationId: string): Promise<BlindState | null> {
  const conversation = await getDb().conversation.findFirst({
    where: { id: conversationId, userId },
    select: { blind: true, revealedAt: true, columns: { orderBy: { position: "asc" }, select: { id: true, modelId: true } } },
  });
  if (!conversation || !conversation.blind) return null;
  return { hidden: isHiddenBlind(conversation), models: conversation.columns.map((c) => c.modelId), columnIds: conversation.columns.map((c) => c.id) };
}
