// A counter that moves whenever a vote is cast, changed or deleted: the leaderboard cache's key.
// (Per process; with several instances each recomputes on its own first read after a change,
// which the vote count in the key also catches.)
import { processSingleton } from "../process-singleton";

const state = () => processSingleton("arena.votes-version", () => ({ version: 0 }));

export function bumpVotesVersion(): void {
  state().version++;
}

export function votesVersion(): number {
  return state().version;
}
