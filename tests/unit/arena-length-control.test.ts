import { describe, expect, it } from "vitest";
import { ELO_PER_NAT } from "@/lib/arena/fit-bradley-terry";
import { computeLeaderboard } from "@/lib/arena/leaderboard";
import { generateSyntheticVotes, type SyntheticModel } from "@/lib/arena/synthetic-votes";
import { makeVote, rowOf } from "./arena-helpers";

describe("length control", () => {
  // Five equally good models; "verbose" writes three times as much, and voters favour the longer
  // answer (γ = 1 nat per unit of length advantage).
  const equals: SyntheticModel[] = [
    { model: "verbose", score: 1000, typicalChars: 2400 },
    ...["a", "b", "c", "d"].map((model) => ({ model, score: 1000, typicalChars: 800 })),
  ];
  const votes = generateSyntheticVotes({ models: equals, votes: 12_000, seed: 21, lengthBias: 1 });
  const board = computeLeaderboard(votes, { bootstrapSamples: 300, seed: 4 });
  const verbose = rowOf(board.rows, "verbose");
  const others = board.rows.filter((r) => r.model !== "verbose");

  it("plain scores reward a model that wins only by length", () => {
    for (const other of others) expect(verbose.plain.lower).toBeGreaterThan(other.plain.upper);
    expect(verbose.plain.rank).toBe(1);
    expect(verbose.plain.score).toBeGreaterThan(1040);
  });

  it("the length-controlled score takes that edge away", () => {
    const lc = verbose.lengthControlled!;
    expect(Math.abs(lc.score - 1000)).toBeLessThan(15);
    expect(lc.lower).toBeLessThan(1000);
    expect(lc.upper).toBeGreaterThan(1000);
    for (const row of board.rows) expect(row.lengthControlled!.rank).toBe(1);
  });

  it("recovers the voters' length preference, with an interval around it", () => {
    const truth = ELO_PER_NAT / 3; // γ = 1 at twice the length (x = 1/3)
    const effect = board.lengthEffect!;
    expect(effect.gamma).toBeGreaterThan(0.8);
    expect(effect.gamma).toBeLessThan(1.2);
    expect(effect.lower).toBeLessThan(truth);
    expect(effect.upper).toBeGreaterThan(truth);
  });

  it("puts a better but brief model back ahead of a verbose one, at its true score", () => {
    const models: SyntheticModel[] = [
      { model: "sharp", score: 1100, typicalChars: 500 },
      { model: "verbose", score: 1000, typicalChars: 2000 },
      { model: "plain", score: 1000, typicalChars: 800 },
    ];
    const result = computeLeaderboard(generateSyntheticVotes({ models, votes: 9_000, seed: 8, lengthBias: 1 }), { bootstrapSamples: 200 });
    // Uncontrolled, length hides a 100-point advantage: verbose comes out on top.
    expect(result.rows[0].model).toBe("verbose");
    // Controlled, the true scores (centred on 1000: 1066.7, 966.7, 966.7) come back.
    for (const [model, truth] of [["sharp", 1066.7], ["verbose", 966.7], ["plain", 966.7]] as const) {
      expect(Math.abs(rowOf(result.rows, model).lengthControlled!.score - truth)).toBeLessThan(15);
    }
    expect(rowOf(result.rows, "sharp").lengthControlled!.rank).toBe(1);
    expect(rowOf(result.rows, "verbose").lengthControlled!.rank).toBe(2);
  });

  it("has nothing to take away when every pair of answers is as long as each other", () => {
    const same = [
      ...Array.from({ length: 30 }, () => makeVote(["A", "B"], { kind: "best", column: 0 }, [400, 400])),
      ...Array.from({ length: 10 }, () => makeVote(["A", "B"], { kind: "best", column: 1 }, [400, 400])),
    ];
    const result = computeLeaderboard(same, { bootstrapSamples: 50 });
    expect(result.lengthEffect!.gamma).toBe(0);
    for (const row of result.rows) expect(row.lengthControlled!.score).toBeCloseTo(row.plain.score, 9);
  });

  it("can be switched off", () => {
    const result = computeLeaderboard(votes.slice(0, 500), { bootstrapSamples: 10, lengthControl: false });
    expect(result.lengthEffect).toBeNull();
    expect(result.rows.every((r) => r.lengthControlled === null)).toBe(true);
  });
});
