// What the vote routes do, so the handlers only parse and answer. Every vote that goes back to a
// page passes redactHiddenVotes: a blind comparison voted on while still hidden names no model.
import type { SessionUser } from "../auth/sessions";
import { AppError } from "../errors";
import { redactHiddenVotes } from "./blind-votes";
import { castVote, editVote, listVoteRows, loadTurnForVote, toVote } from "./vote-store";
import type { CastVote, EditVote } from "./vote-schemas";
import type { Vote } from "../arena/vote-schema";

export async function castHumanVote(userId: string, input: CastVote): Promise<Vote> {
  const turn = await loadTurnForVote(userId, input.conversationId, input.turn);
  const vote = await castVote(userId, turn, { outcome: input.outcome, categories: input.categories, kind: "human", reveal: input.reveal });
  return (await redactHiddenVotes([vote]))[0];
}

export async function editOwnVote(userId: string, id: string, change: EditVote): Promise<Vote> {
  return (await redactHiddenVotes([await editVote(userId, id, change)]))[0];
}

/** The caller's votes; the team's ("team") only for admins. */
export async function listVotesFor(user: SessionUser, query: { scope: "mine" | "team"; kind: "human" | "judge" | "all"; conversationId?: string }): Promise<Vote[]> {
  if (query.scope === "team" && user.role !== "admin") throw new AppError(403, "Only admins see the team's votes", "forbidden", "scope");
  const rows = await listVoteRows({ userId: query.scope === "team" ? null : user.id, kind: query.kind === "all" ? undefined : query.kind, conversationId: query.conversationId });
  return redactHiddenVotes(rows.map(toVote));
}
