// Votes on a blind comparison that is still hidden (several turns voted, not yet revealed): what
// the page may read of them, and the reveal. Such a vote is stored whole (it is the record of
// what was compared), but every read before the reveal gets it redacted the way the
// conversation is (lib/blind/redact-blind.ts): placeholders for the models, no provider, no
// figure that tells the models apart.
import type { Vote } from "../arena/vote-schema";
import { blindModelId } from "../chat/blind-labels";
import { getDb } from "../db/client";
import { HIDDEN_BLIND, isHiddenBlind } from "../db/hidden-blind";
import { AppError } from "../errors";
import { listVoteRows, markRevealed, toVote } from "./vote-store";

/** The ids among `conversationIds` whose blind comparison is not revealed yet. */
export async function hiddenConversationIds(conversationIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(conversationIds)];
  if (ids.length === 0) return new Set();
  const rows = await getDb().conversation.findMany({ where: { id: { in: ids }, ...HIDDEN_BLIND }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export function redactVote(vote: Vote): Vote {
  return {
    ...vote,
    columns: vote.columns.map((c, i) => ({ model: blindModelId(i), provider: null, answerChars: c.answerChars, completionTokens: null, costPico: null, ttftMs: null, tokensPerSecond: null })),
  };
}

/** The votes as their reader may see them: those on a comparison still hidden are redacted. */
export async function redactHiddenVotes(votes: readonly Vote[]): Promise<Vote[]> {
  const hidden = await hiddenConversationIds(votes.map((v) => v.conversationId));
  return votes.map((v) => (hidden.has(v.conversationId) ? redactVote(v) : v));
}

/**
 * "Reveal models" after voting on several blind turns: allowed once the owner has voted on a
 * turn (the reveal comes after the vote); answers the comparison's human votes, now whole.
 */
export async function revealComparison(userId: string, conversationId: string): Promise<Vote[]> {
  const conversation = await getDb().conversation.findFirst({ where: { id: conversationId, userId }, select: { blind: true, revealedAt: true } });
  if (!conversation) throw new AppError(404, "Conversation not found");
  if (!conversation.blind) throw new AppError(409, "This is not a blind comparison: its models are not hidden", "conflict");
  const votes = (await listVoteRows({ userId, kind: "human", conversationId })).map(toVote);
  if (isHiddenBlind(conversation)) {
    if (votes.length === 0) throw new AppError(409, "Vote on a turn first, then reveal the models", "conflict");
    await markRevealed(userId, conversationId);
  }
  return votes;
}
