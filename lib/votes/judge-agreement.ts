// How often a judge agreed with the human voter on the turns both judged: same best column, or
// both called it even (tie / all bad).
import type { Vote } from "../arena/vote-schema";

export interface Agreement {
  turns: number;
  agreed: number;
  /** agreed / turns; null when no turn was judged by both. */
  rate: number | null;
}

function verdictOf(vote: Pick<Vote, "outcome">): string {
  return vote.outcome.kind === "best" ? `best:${vote.outcome.column}` : "even";
}

export function judgeHumanAgreement(votes: readonly Vote[]): Agreement {
  const human = new Map<string, string>();
  for (const vote of votes) if (vote.kind === "human") human.set(`${vote.conversationId}:${vote.turn}`, verdictOf(vote));
  let turns = 0;
  let agreed = 0;
  for (const vote of votes) {
    if (vote.kind !== "judge") continue;
    const theirs = human.get(`${vote.conversationId}:${vote.turn}`);
    if (theirs === undefined) continue;
    turns++;
    if (theirs === verdictOf(vote)) agreed++;
  }
  return { turns, agreed, rate: turns > 0 ? agreed / turns : null };
}
