// A vote among N columns as the pairwise battles it implies: the only thing Bradley–Terry reads.
import type { VoteOutcome } from "./vote-schema";

/** The part of a vote the expansion reads. */
export interface OutcomeOfColumns {
  columns: readonly { model: string }[];
  outcome: VoteOutcome;
}

/** Columns a and b (a < b) of one vote; `result` is a's: 1 won, 0.5 tie, 0 lost. */
export interface ColumnPair {
  a: number;
  b: number;
  result: 1 | 0.5 | 0;
}

/**
 * - best = i: i beat every other column; the others' order among themselves is unknown, so no
 *   pair between them is invented.
 * - best = i with a full ranking: every pair, the better place winning, equal places tying.
 * - tie: every pair ties.
 * - all bad: every pair ties too. "Both are bad" says the answers were equally unacceptable, which
 *   is evidence that they are close, not that either won; dropping such votes would bias the
 *   scale towards pairs people find easy to separate. LMArena counts "both bad" as a tie for the
 *   same reason. (The vote keeps its outcome, so a later filter can still drop them.)
 *
 * Each implied pair counts as one whole battle. The bootstrap resamples whole votes, so the
 * pairs of one N-column vote move together and their dependence widens the intervals honestly.
 * Two columns of the same model imply nothing about that model and are skipped.
 */
export function forEachImpliedPair(vote: OutcomeOfColumns, visit: (a: number, b: number, result: ColumnPair["result"]) => void): void {
  const n = vote.columns.length;
  const { outcome } = vote;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (vote.columns[a].model === vote.columns[b].model) continue;
      if (outcome.kind === "tie" || outcome.kind === "all-bad") visit(a, b, 0.5);
      else if (outcome.ranking) {
        const ra = outcome.ranking[a];
        const rb = outcome.ranking[b];
        visit(a, b, ra < rb ? 1 : ra > rb ? 0 : 0.5);
      } else if (outcome.column === a) visit(a, b, 1);
      else if (outcome.column === b) visit(a, b, 0);
    }
  }
}

/** The same pairs as a list. */
export function expandVote(vote: OutcomeOfColumns): ColumnPair[] {
  const pairs: ColumnPair[] = [];
  forEachImpliedPair(vote, (a, b, result) => pairs.push({ a, b, result }));
  return pairs;
}
