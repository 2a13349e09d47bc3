import { describe, expect, it } from "vitest";
import { ELO_PER_NAT } from "@/lib/arena/fit-bradley-terry";
import { computeLeaderboard } from "@/lib/arena/leaderboard";
import { generateSyntheticVotes } from "@/lib/arena/synthetic-votes";
import { makeVote, record, rowOf } from "./arena-helpers";

const score = (board: ReturnType<typeof computeLeaderboard>, model: string) => rowOf(board.rows, model).plain.score;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The root of an increasing function on [lo, hi], by bisection: an independent check of Newton. */
function solve(f: (t: number) => number, lo: number, hi: number): number {
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

describe("Bradley–Terry by maximum likelihood", () => {
  it("recovers strengths 4 : 2 : 1 from counts that match them exactly (hand-computed: 400·log10 2 = 120.41 points apart)", () => {
    // Strengths π = (4, 2, 1): A beats B 2 of 3, B beats C 2 of 3, A beats C 4 of 5. For each model,
    // wins = Σ_j n_ij π_i / (π_i + π_j) holds exactly, so these π are the maximum-likelihood fit.
    const votes = [...record("A", "B", 2, 1), ...record("B", "C", 2, 1), ...record("A", "C", 4, 1)];
    const board = computeLeaderboard(votes, { priorGames: 1e-9, bootstrapSamples: 0 });
    expect(score(board, "A") - score(board, "B")).toBeCloseTo(120.412, 2);
    expect(score(board, "B") - score(board, "C")).toBeCloseTo(120.412, 2);
    // The models' mean sits at the base rating.
    expect((score(board, "A") + score(board, "B") + score(board, "C")) / 3).toBeCloseTo(1000, 6);
    expect(board.rows.map((r) => r.model)).toEqual(["A", "B", "C"]);
  });

  it("counts a tie as half a win to each side", () => {
    // 1 win and 2 ties for A: 2 points to 1, the same odds as 2 wins to 1.
    const board = computeLeaderboard(record("A", "B", 1, 0, 2), { priorGames: 1e-9, bootstrapSamples: 0 });
    expect(score(board, "A") - score(board, "B")).toBeCloseTo(400 * Math.log10(2), 2);
  });

  it("with the default prior, solves the posterior equations exactly (3 wins to 1 between two models)", () => {
    // By symmetry s_B = −s_A = −t; ∂/∂s_A: 3 − 4σ(2t) + (½ − σ(t)) = 0.
    const t = solve((x) => -(3 - 4 * sigmoid(2 * x) + (0.5 - sigmoid(x))), 0, 5);
    const board = computeLeaderboard(record("A", "B", 3, 1), { bootstrapSamples: 0 });
    expect(score(board, "A") - score(board, "B")).toBeCloseTo(2 * t * ELO_PER_NAT, 6);
    // The prior pulls a little towards even: less than the bare 400·log10 3.
    expect(score(board, "A") - score(board, "B")).toBeLessThan(400 * Math.log10(3));
  });

  it("keeps an undefeated model finite, where its wins balance one virtual tie", () => {
    // 10–0: 10(1 − σ(2t)) = σ(t) − ½ (from the same symmetry as above).
    const t = solve((x) => sigmoid(x) - 0.5 - 10 * (1 - sigmoid(2 * x)), 0, 10);
    const board = computeLeaderboard(record("A", "B", 10, 0), { bootstrapSamples: 0 });
    const gap = score(board, "A") - score(board, "B");
    expect(gap).toBeCloseTo(2 * t * ELO_PER_NAT, 6);
    expect(gap).toBeGreaterThan(500);
    expect(gap).toBeLessThan(700);
    // More wins, further apart, but still finite.
    const more = computeLeaderboard(record("A", "B", 1000, 0), { bootstrapSamples: 0 });
    expect(Number.isFinite(score(more, "A"))).toBe(true);
    expect(score(more, "A") - score(more, "B")).toBeGreaterThan(gap);
  });

  it("keeps models that were never compared with each other finite and near the reference", () => {
    const board = computeLeaderboard([...record("A", "B", 30, 10), ...record("C", "D", 10, 30)], { bootstrapSamples: 50 });
    for (const row of board.rows) {
      expect(Number.isFinite(row.plain.score) && Number.isFinite(row.plain.lower) && Number.isFinite(row.plain.upper)).toBe(true);
    }
    // Each pair is fitted around the reference: the two groups' means agree.
    expect(score(board, "A") + score(board, "B")).toBeCloseTo(score(board, "C") + score(board, "D"), 6);
    expect(score(board, "A") - score(board, "B")).toBeCloseTo(score(board, "D") - score(board, "C"), 6);
  });

  it("holds an anchor model at its rating", () => {
    const votes = [...record("A", "B", 2, 1), ...record("B", "C", 2, 1)];
    const board = computeLeaderboard(votes, { anchorModel: "B", rating: 1200, bootstrapSamples: 20 });
    expect(rowOf(board.rows, "B").plain).toMatchObject({ score: 1200, lower: 1200, upper: 1200 });
  });

  it("answers an empty leaderboard for no votes, and an unrated model for votes that compare it only with itself", () => {
    expect(computeLeaderboard([])).toMatchObject({ rows: [], voteCount: 0, battleCount: 0, lengthEffect: { gamma: 0 } });
    const self = computeLeaderboard([makeVote(["A", "A"], { kind: "best", column: 0 })], { bootstrapSamples: 10 });
    expect(self.rows).toEqual([expect.objectContaining({ model: "A", votes: 1, battles: 0, plain: { score: 1000, lower: 1000, upper: 1000, rank: 1 } })]);
  });

  it("recovers known strengths from synthetic votes, each within its 95% interval", () => {
    const truth = [1180, 1120, 1060, 1000, 990, 930, 880, 840];
    const mean = truth.reduce((a, b) => a + b) / truth.length;
    const models = truth.map((s, k) => ({ model: `m${k}`, score: s - mean + 1000, typicalChars: 800 }));
    const votes = generateSyntheticVotes({ models, votes: 16_000, seed: 3 });
    const board = computeLeaderboard(votes, { bootstrapSamples: 300, seed: 5 });
    for (const model of models) {
      const row = rowOf(board.rows, model.model);
      expect(row.plain.lower).toBeLessThanOrEqual(model.score);
      expect(row.plain.upper).toBeGreaterThanOrEqual(model.score);
      expect(Math.abs(row.plain.score - model.score)).toBeLessThan(20);
    }
    // Every gap of 40 points or more comes out in the right order; 1000 and 990 are too close to
    // call, and share a rank.
    for (const a of models) {
      for (const b of models) {
        if (a.score - b.score >= 40) expect(rowOf(board.rows, a.model).plain.score).toBeGreaterThan(rowOf(board.rows, b.model).plain.score);
      }
    }
    expect(rowOf(board.rows, "m3").plain.rank).toBe(rowOf(board.rows, "m4").plain.rank);
    expect(rowOf(board.rows, "m0").plain.rank).toBe(1);
  });
});
