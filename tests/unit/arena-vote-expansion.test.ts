import { describe, expect, it } from "vitest";
import { buildBattleData } from "@/lib/arena/battle-data";
import { expandVote } from "@/lib/arena/expand-vote";
import { voteSchema } from "@/lib/arena/vote-schema";
import { makeVote } from "./arena-helpers";

const columns = (n: number) =>
  Array.from({ length: n }, (_, k) => ({ model: `m/${k}`, provider: "sandbox", answerChars: 100, completionTokens: 25, costPico: "1500000", ttftMs: 120, tokensPerSecond: 80 }));
const raw = (n: number, outcome: unknown, extra: Record<string, unknown> = {}) => ({
  id: "v1",
  conversationId: "c1",
  turn: 2,
  userId: "u1",
  kind: "human",
  blind: true,
  columns: columns(n),
  outcome,
  createdAt: "2026-06-01T10:00:00Z",
  ...extra,
});

describe("the vote shape", () => {
  it("parses a vote from JSON, filling defaults and reading costs as exact picodollars", () => {
    const vote = voteSchema.parse(raw(3, { kind: "best", column: 2, ranking: [3, 2, 1] }, { categories: ["code"] }));
    expect(vote.columns[0].costPico).toBe(1_500_000n);
    expect(vote.createdAt).toEqual(new Date("2026-06-01T10:00:00Z"));
    expect(vote).toMatchObject({ deanonymised: false, judgeModel: null, autoCategory: null, categories: ["code"] });
  });

  it("rejects votes that cannot be expanded, saying why", () => {
    const problems = (input: unknown) => voteSchema.safeParse(input).error?.issues.map((i) => i.message).join("; ");
    expect(problems(raw(1, { kind: "tie" }))).toMatch(/2/);
    expect(problems(raw(2, { kind: "best", column: 2 }))).toMatch(/column 2 does not exist/);
    expect(problems(raw(3, { kind: "best", column: 0, ranking: [1, 2] }))).toMatch(/ranking has 2 places for 3 columns/);
    expect(problems(raw(3, { kind: "best", column: 0, ranking: [2, 1, 3] }))).toMatch(/best column must be ranked 1/);
    expect(problems(raw(3, { kind: "best", column: 0, ranking: [1, 1, 3] }))).toMatch(/best column must be ranked 1, alone/);
    expect(problems(raw(2, { kind: "tie" }, { kind: "judge" }))).toMatch(/judge model/);
    expect(problems(raw(2, { kind: "maybe" }))).toBeTruthy();
    expect(problems({ ...raw(2, { kind: "tie" }), columns: [{ ...columns(1)[0], costPico: "-1" }, columns(2)[1]] })).toMatch(/picodollars/);
  });
});

describe("a vote as the battles it implies", () => {
  it("two columns: the picked one beat the other", () => {
    expect(expandVote(makeVote(["a", "b"], { kind: "best", column: 0 }))).toEqual([{ a: 0, b: 1, result: 1 }]);
    expect(expandVote(makeVote(["a", "b"], { kind: "best", column: 1 }))).toEqual([{ a: 0, b: 1, result: 0 }]);
  });

  it("best of three: the best beat each other column, and nothing is invented between the rest", () => {
    expect(expandVote(makeVote(["a", "b", "c"], { kind: "best", column: 1 }))).toEqual([
      { a: 0, b: 1, result: 0 },
      { a: 1, b: 2, result: 1 },
    ]);
  });

  it("tie and all-bad: every pair ties", () => {
    const ties = [
      { a: 0, b: 1, result: 0.5 },
      { a: 0, b: 2, result: 0.5 },
      { a: 1, b: 2, result: 0.5 },
    ];
    expect(expandVote(makeVote(["a", "b", "c"], { kind: "tie" }))).toEqual(ties);
    expect(expandVote(makeVote(["a", "b", "c"], { kind: "all-bad" }))).toEqual(ties);
  });

  it("a full ranking gives every pair, equal places tying", () => {
    expect(expandVote(makeVote(["a", "b", "c"], { kind: "best", column: 1, ranking: [2, 1, 3] }))).toEqual([
      { a: 0, b: 1, result: 0 },
      { a: 0, b: 2, result: 1 },
      { a: 1, b: 2, result: 1 },
    ]);
    expect(expandVote(makeVote(["a", "b", "c", "d"], { kind: "best", column: 0, ranking: [1, 2, 2, 4] }))).toHaveLength(6);
    expect(expandVote(makeVote(["a", "b", "c"], { kind: "best", column: 0, ranking: [1, 2, 2] }))[2]).toEqual({ a: 1, b: 2, result: 0.5 });
  });

  it("two columns of the same model say nothing about it", () => {
    expect(expandVote(makeVote(["a", "a", "b"], { kind: "best", column: 0 }))).toEqual([{ a: 0, b: 2, result: 1 }]);
  });

  it("counts per model: a vote once per model, each implied battle once", () => {
    const data = buildBattleData([makeVote(["a", "b", "c"], { kind: "best", column: 2 }), makeVote(["b", "a"], { kind: "tie" })]);
    expect(data.models).toEqual(["a", "b", "c"]);
    expect(data.battleCount).toBe(3);
    expect(data.tallies).toEqual([
      { votes: 2, battles: 2, wins: 0, losses: 1, ties: 1 },
      { votes: 2, battles: 2, wins: 0, losses: 1, ties: 1 },
      { votes: 1, battles: 2, wins: 2, losses: 0, ties: 0 },
    ]);
  });
});
