// The leaderboard's filters as one predicate over plain votes, so the page, an export and the tests
// agree on what "blind only" or "category: code" means. (A database query may push the same
// conditions into SQL; this is the definition it must match.)
import type { Vote } from "./vote-schema";

export interface VoteFilter {
  /** Human and judge votes are never mixed in one leaderboard. */
  kind: Vote["kind"];
  /** Only blind votes. */
  blindOnly?: boolean;
  /** With blindOnly: keep blind votes whose answers named their model or maker. Default false. */
  includeDeanonymised?: boolean;
  /** A voter's tag or the automatic category. */
  category?: string;
  /** From (inclusive) … to (exclusive). */
  from?: Date;
  to?: Date;
  /** Only these voters' votes ("mine", or a team for admins). */
  userIds?: readonly string[];
}

type FilterableVote = Pick<Vote, "kind" | "blind" | "deanonymised" | "categories" | "autoCategory" | "createdAt" | "userId">;

export function matchesVoteFilter(vote: FilterableVote, filter: VoteFilter): boolean {
  if (vote.kind !== filter.kind) return false;
  if (filter.blindOnly && (!vote.blind || (vote.deanonymised && !filter.includeDeanonymised))) return false;
  if (filter.category !== undefined && vote.autoCategory !== filter.category && !vote.categories.includes(filter.category)) return false;
  if (filter.from && vote.createdAt < filter.from) return false;
  if (filter.to && vote.createdAt >= filter.to) return false;
  if (filter.userIds && !filter.userIds.includes(vote.userId)) return false;
  return true;
}

export function selectVotes<V extends FilterableVote>(votes: readonly V[], filter: VoteFilter): V[] {
  return votes.filter((vote) => matchesVoteFilter(vote, filter));
}
