// The head-to-head views: how often each model beat each other one, and one model's battles.
import { expandVote, type OutcomeOfColumns } from "./expand-vote";
import type { Vote } from "./vote-schema";

export interface WinRateCell {
  battles: number;
  /** The row model's (wins + ½ ties) / battles against the column model; null when they never met. */
  winRate: number | null;
}

export interface WinRateMatrix {
  models: string[];
  /** cells[row][column]; the diagonal is always empty. */
  cells: WinRateCell[][];
}

/** `order` (e.g. the leaderboard's) picks and orders the models; by default all, sorted by id. */
export function buildWinRateMatrix(votes: readonly OutcomeOfColumns[], order?: readonly string[]): WinRateMatrix {
  const models = order ? [...order] : [...new Set(votes.flatMap((v) => v.columns.map((c) => c.model)))].sort();
  const indexOf = new Map(models.map((id, k) => [id, k]));
  const points = models.map(() => new Float64Array(models.length));
  const battles = models.map(() => new Int32Array(models.length));
  for (const vote of votes) {
    for (const { a, b, result } of expandVote(vote)) {
      const i = indexOf.get(vote.columns[a].model);
      const j = indexOf.get(vote.columns[b].model);
      if (i === undefined || j === undefined) continue;
      points[i][j] += result;
      points[j][i] += 1 - result;
      battles[i][j]++;
      battles[j][i]++;
    }
  }
  const cells = models.map((_, i) => models.map((__, j) => ({ battles: battles[i][j], winRate: battles[i][j] > 0 ? points[i][j] / battles[i][j] : null })));
  return { models, cells };
}

export interface Battle {
  voteId: string;
  conversationId: string;
  turn: number;
  createdAt: Date;
  blind: boolean;
  opponent: string;
  result: "win" | "loss" | "tie";
}

type BattleSource = OutcomeOfColumns & Pick<Vote, "id" | "conversationId" | "turn" | "createdAt" | "blind">;

/** Every battle `model` fought, newest first. */
export function listBattles(votes: readonly BattleSource[], model: string): Battle[] {
  const battles: Battle[] = [];
  for (const vote of votes) {
    for (const { a, b, result } of expandVote(vote)) {
      const mine = vote.columns[a].model === model ? a : vote.columns[b].model === model ? b : -1;
      if (mine < 0) continue;
      const score = mine === a ? result : 1 - result;
      battles.push({
        voteId: vote.id,
        conversationId: vote.conversationId,
        turn: vote.turn,
        createdAt: vote.createdAt,
        blind: vote.blind,
        opponent: vote.columns[mine === a ? b : a].model,
        result: score === 1 ? "win" : score === 0 ? "loss" : "tie",
      });
    }
  }
  return battles.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
}
