// Small vote builders for the arena's unit tests.
import type { Vote, VoteOutcome } from "@/lib/arena/vote-schema";

let next = 0;

/** A vote among `models` (in column order) with the given outcome; answers `lengths` characters long (default 500 each). */
export function makeVote(models: readonly string[], outcome: VoteOutcome, lengths?: readonly number[], extra: Partial<Vote> = {}): Vote {
  next++;
  return {
    id: `vote-${next}`,
    conversationId: `conversation-${next}`,
    turn: 0,
    userId: "user-1",
    kind: "human",
    judgeModel: null,
    blind: true,
    deanonymised: false,
    columns: models.map((model, k) => ({
      model,
      provider: "sandbox",
      answerChars: lengths?.[k] ?? 500,
      completionTokens: null,
      costPico: null,
      ttftMs: null,
      tokensPerSecond: null,
    })),
    outcome,
    categories: [],
    autoCategory: null,
    createdAt: new Date(Date.UTC(2026, 5, 1) + next * 1000),
    ...extra,
  };
}

/** `wins` votes where a beat b and `losses` where b beat a (two columns, a first). */
export function record(a: string, b: string, wins: number, losses: number, ties = 0): Vote[] {
  return [
    ...Array.from({ length: wins }, () => makeVote([a, b], { kind: "best", column: 0 })),
    ...Array.from({ length: losses }, () => makeVote([a, b], { kind: "best", column: 1 })),
    ...Array.from({ length: ties }, () => makeVote([a, b], { kind: "tie" })),
  ];
}

/** Score of `model` in a leaderboard's rows. */
export function rowOf<T extends { model: string }>(rows: readonly T[], model: string): T {
  const row = rows.find((r) => r.model === model);
  if (!row) throw new Error(`no row for ${model}`);
  return row;
}
