import { describe, expect, it } from "vitest";
import { summarisePerformance } from "@/lib/arena/model-performance";
import { paretoFrontier } from "@/lib/arena/pareto";
import { selectVotes } from "@/lib/arena/select-votes";
import { buildWinRateMatrix, listBattles } from "@/lib/arena/win-rates";
import { makeVote, record } from "./arena-helpers";

describe("the pairwise win-rate matrix", () => {
  const votes = [...record("A", "B", 3, 1, 2), ...record("B", "C", 1, 0), makeVote(["A", "B", "C"], { kind: "best", column: 2 })];

  it("gives each row's (wins + ½ ties) / battles against each column, null where they never met", () => {
    const matrix = buildWinRateMatrix(votes);
    expect(matrix.models).toEqual(["A", "B", "C"]);
    // A–B: 3 wins, 1 loss, 2 ties, then B beat nobody in the 3-way vote (no A–B battle there).
    expect(matrix.cells[0][1]).toEqual({ battles: 6, winRate: 4 / 6 });
    expect(matrix.cells[1][0]).toEqual({ battles: 6, winRate: 2 / 6 });
    expect(matrix.cells[0][2]).toEqual({ battles: 1, winRate: 0 });
    expect(matrix.cells[1][2]).toEqual({ battles: 2, winRate: 0.5 });
    expect(matrix.cells[1][1]).toEqual({ battles: 0, winRate: null });
  });

  it("follows a given order and leaves out models not in it", () => {
    const matrix = buildWinRateMatrix(votes, ["C", "A"]);
    expect(matrix.models).toEqual(["C", "A"]);
    expect(matrix.cells[0][1]).toEqual({ battles: 1, winRate: 1 });
  });
});

describe("a model's battles", () => {
  it("lists each battle from the model's side, newest first", () => {
    const older = makeVote(["A", "B"], { kind: "best", column: 1 }, undefined, { createdAt: new Date("2026-01-01") });
    const newer = makeVote(["C", "A", "B"], { kind: "tie" }, undefined, { createdAt: new Date("2026-02-01"), blind: false });
    const battles = listBattles([older, newer], "A");
    expect(battles.map((b) => [b.opponent, b.result, b.blind])).toEqual([
      ["C", "tie", false],
      ["B", "tie", false],
      ["B", "loss", true],
    ]);
    expect(battles[2]).toMatchObject({ voteId: older.id, conversationId: older.conversationId, turn: 0 });
    expect(listBattles([older], "Z")).toEqual([]);
  });
});

describe("the Pareto frontier", () => {
  const points = [
    { id: "cheap-weak", score: 950, x: 1_000n },
    { id: "cheap-good", score: 1050, x: 2_000n },
    { id: "pricey-same", score: 1050, x: 9_000n }, // as good, costs more: dominated
    { id: "pricey-worse", score: 1000, x: 5_000n }, // dominated
    { id: "best", score: 1200, x: 20_000n },
  ];

  it("keeps the models nothing beats on both score and cost, cheapest first", () => {
    expect(paretoFrontier(points, "lower").map((p) => p.id)).toEqual(["cheap-weak", "cheap-good", "best"]);
  });

  it("works for speed, where higher is better", () => {
    const speeds = [
      { id: "fast", score: 900, x: 200 },
      { id: "balanced", score: 1000, x: 120 },
      { id: "slow-worse", score: 950, x: 60 },
      { id: "slow-best", score: 1100, x: 30 },
    ];
    expect(paretoFrontier(speeds, "higher").map((p) => p.id)).toEqual(["fast", "balanced", "slow-best"]);
  });

  it("keeps exact duplicates together and handles the empty chart", () => {
    const twins = [
      { id: "a", score: 1000, x: 5 },
      { id: "b", score: 1000, x: 5 },
    ];
    expect(paretoFrontier(twins, "lower").map((p) => p.id).sort()).toEqual(["a", "b"]);
    expect(paretoFrontier([], "lower")).toEqual([]);
  });
});

describe("cost and speed per model", () => {
  it("averages cost exactly in picodollars and takes medians of latency and speed", () => {
    const v1 = makeVote(["A", "B"], { kind: "tie" });
    const v2 = makeVote(["A", "B"], { kind: "tie" });
    const v3 = makeVote(["A", "C"], { kind: "tie" });
    Object.assign(v1.columns[0], { costPico: 1_000_000_000_001n, ttftMs: 100, tokensPerSecond: 50 });
    Object.assign(v2.columns[0], { costPico: 1_000_000_000_002n, ttftMs: 300, tokensPerSecond: 70 });
    Object.assign(v3.columns[0], { costPico: null, ttftMs: 5000, tokensPerSecond: null });
    const summary = summarisePerformance([v1, v2, v3]);
    expect(summary.map((s) => s.model)).toEqual(["A", "B", "C"]);
    expect(summary[0]).toEqual({ model: "A", answers: 3, averageCostPico: 1_000_000_000_001n, medianTtftMs: 300, medianTokensPerSecond: 60 });
    expect(summary[1]).toEqual({ model: "B", answers: 2, averageCostPico: null, medianTtftMs: null, medianTokensPerSecond: null });
  });
});

describe("the leaderboard's filters", () => {
  const at = (iso: string) => new Date(iso);
  const votes = [
    makeVote(["A", "B"], { kind: "tie" }, undefined, { id: "blind", userId: "u1", createdAt: at("2026-03-01"), autoCategory: "code" }),
    makeVote(["A", "B"], { kind: "tie" }, undefined, { id: "sighted", userId: "u2", blind: false, createdAt: at("2026-03-02"), categories: ["writing"] }),
    makeVote(["A", "B"], { kind: "tie" }, undefined, { id: "named", userId: "u1", deanonymised: true, createdAt: at("2026-03-03") }),
    makeVote(["A", "B"], { kind: "tie" }, undefined, { id: "judge", kind: "judge", judgeModel: "sandbox/sage-reasoner", createdAt: at("2026-03-04") }),
  ];
  const ids = (filter: Parameters<typeof selectVotes>[1]) => selectVotes(votes, filter).map((v) => v.id);

  it("never mix human and judge votes", () => {
    expect(ids({ kind: "human" })).toEqual(["blind", "sighted", "named"]);
    expect(ids({ kind: "judge" })).toEqual(["judge"]);
  });

  it("leave de-anonymised votes out of blind rankings unless asked", () => {
    expect(ids({ kind: "human", blindOnly: true })).toEqual(["blind"]);
    expect(ids({ kind: "human", blindOnly: true, includeDeanonymised: true })).toEqual(["blind", "named"]);
  });

  it("cut by category (the voter's tags or the automatic one), time range and voter", () => {
    expect(ids({ kind: "human", category: "code" })).toEqual(["blind"]);
    expect(ids({ kind: "human", category: "writing" })).toEqual(["sighted"]);
    expect(ids({ kind: "human", from: at("2026-03-02"), to: at("2026-03-03") })).toEqual(["sighted"]);
    expect(ids({ kind: "human", userIds: ["u1"] })).toEqual(["blind", "named"]);
  });
});
