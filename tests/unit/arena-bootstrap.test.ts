import { describe, expect, it } from "vitest";
import { buildBattleData } from "@/lib/arena/battle-data";
import { ELO_PER_NAT } from "@/lib/arena/fit-bradley-terry";
import { computeLeaderboard } from "@/lib/arena/leaderboard";
import { quantileSorted } from "@/lib/arena/quantile";
import { VoteResampler } from "@/lib/arena/resample-votes";
import { SeededRandom } from "@/lib/arena/random";
import { rankByIntervals } from "@/lib/arena/rank-by-intervals";
import { makeVote, record, rowOf } from "./arena-helpers";

const halfWidth = (board: ReturnType<typeof computeLeaderboard>, model: string) => {
  const { lower, upper } = rowOf(board.rows, model).plain;
  return (upper - lower) / 2;
};

describe("bootstrap intervals", () => {
  it("are reproducible: the same votes and seed give the same intervals, another seed nearly the same", () => {
    const votes = [...record("A", "B", 60, 40), ...record("B", "C", 55, 45), ...record("A", "C", 70, 30)];
    const first = computeLeaderboard(votes, { bootstrapSamples: 400, seed: 9 });
    const again = computeLeaderboard(votes, { bootstrapSamples: 400, seed: 9 });
    const other = computeLeaderboard(votes, { bootstrapSamples: 400, seed: 10 });
    expect(again).toEqual(first);
    expect(other.rows[0].plain.lower).not.toBe(first.rows[0].plain.lower);
    expect(Math.abs(other.rows[0].plain.lower - first.rows[0].plain.lower)).toBeLessThan(15);
  });

  it("match the normal approximation's width for a 300–100 record", () => {
    // p = 0.75 over n = 400: sd(logit p̂) ≈ 1/√(n p (1 − p)) nats for the gap; each model sits at
    // ± half the gap from the mean, so its 95% half-width is 1.96 · sd / 2 on the points scale.
    const expected = (1.96 * ELO_PER_NAT * Math.sqrt(1 / (400 * 0.75 * 0.25))) / 2;
    const board = computeLeaderboard(record("A", "B", 300, 100), { bootstrapSamples: 2000, seed: 1 });
    expect(expected).toBeCloseTo(19.66, 1);
    expect(halfWidth(board, "A")).toBeGreaterThan(expected * 0.85);
    expect(halfWidth(board, "A")).toBeLessThan(expected * 1.15);
    const { score, lower, upper } = rowOf(board.rows, "A").plain;
    expect(lower).toBeLessThan(score);
    expect(upper).toBeGreaterThan(score);
  });

  it("halve in width with four times the votes", () => {
    const small = computeLeaderboard(record("A", "B", 60, 40), { bootstrapSamples: 1000, seed: 2 });
    const large = computeLeaderboard(record("A", "B", 240, 160), { bootstrapSamples: 1000, seed: 2 });
    const ratio = halfWidth(large, "A") / halfWidth(small, "A");
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
  });

  it.each([
    ["identical votes (drawn as Poisson counts per distinct vote)", () => 500],
    ["all-different votes (drawn one vote at a time)", (k: number) => 100 + 60 * k],
  ])("resample whole votes: the battles of one three-column vote always move together, with %s", (_, length) => {
    // 20 votes "A best of A, B, C" and 20 votes "C beat B".
    const votes = [
      ...Array.from({ length: 20 }, (__, k) => makeVote(["A", "B", "C"], { kind: "best", column: 0 }, [length(k), 500, 2000])),
      ...Array.from({ length: 20 }, (__, k) => makeVote(["B", "C"], { kind: "best", column: 1 }, [500, length(k)])),
    ];
    const data = buildBattleData(votes);
    const resampler = new VoteResampler(data.voteStart, data.voteCodes);
    const counts = new Int32Array(data.fineCounts.length);
    const random = new SeededRandom(4);
    /** Wins of i over j in a replicate, over all length bins. */
    const winsOf = (i: string, j: string) => {
      const pair = data.fine.pairI.findIndex((mi, p) => data.models[mi] === i && data.models[data.fine.pairJ[p]] === j);
      let wins = 0;
      for (let c = data.fine.pairCellStart[pair]; c < data.fine.pairCellStart[pair + 1]; c++) wins += counts[3 * c];
      return wins;
    };
    let varied = false;
    for (let r = 0; r < 200; r++) {
      resampler.resample(random, counts);
      expect(winsOf("A", "B")).toBe(winsOf("A", "C"));
      // As many votes drawn as there are: each 3-column vote brings 2 battles, each other one 1.
      expect(counts.reduce((a, b) => a + b, 0)).toBe(winsOf("A", "B") * 2 + (40 - winsOf("A", "B")));
      varied ||= winsOf("A", "B") !== 20;
    }
    expect(varied).toBe(true);
  });

  it("draw exactly as many votes as there are, each pattern as often as multinomial resampling would", () => {
    // Patterns of 1, 3, 40, 356 and 600 identical votes (600 > the Poisson table's 512: the split path).
    const sizes = [1, 3, 40, 356, 600];
    const total = sizes.reduce((a, b) => a + b);
    const votes = sizes.flatMap((size, k) => Array.from({ length: size }, () => makeVote([`m${k}`, `m${k + 1}`], { kind: "best", column: 0 })));
    const data = buildBattleData(votes);
    const resampler = new VoteResampler(data.voteStart, data.voteCodes);
    const counts = new Int32Array(data.fineCounts.length);
    const random = new SeededRandom(12);
    const replicates = 4000;
    const sum = new Float64Array(sizes.length);
    const squares = new Float64Array(sizes.length);
    for (let r = 0; r < replicates; r++) {
      resampler.resample(random, counts);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      sizes.forEach((_, k) => {
        // Pattern k is "m_k beat m_k+1": the only cell of that pair, outcome 0.
        const pair = data.fine.pairI.findIndex((i, p) => data.models[i] === `m${k}` && data.models[data.fine.pairJ[p]] === `m${k + 1}`);
        const x = counts[3 * data.fine.pairCellStart[pair]];
        sum[k] += x;
        squares[k] += x * x;
      });
    }
    sizes.forEach((size, k) => {
      const p = size / total;
      const mean = sum[k] / replicates;
      const variance = squares[k] / replicates - mean * mean;
      const sd = Math.sqrt(total * p * (1 - p));
      expect(Math.abs(mean - size)).toBeLessThan((4 * sd) / Math.sqrt(replicates) + 1e-9);
      expect(variance / (sd * sd)).toBeGreaterThan(0.9);
      expect(variance / (sd * sd)).toBeLessThan(1.1);
    });
  });

  it("are read as interpolated percentiles (type 7)", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([10, 20], 0.025)).toBeCloseTo(10.25, 10);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it("collapse to the point estimate with no replicates", () => {
    const board = computeLeaderboard(record("A", "B", 3, 1), { bootstrapSamples: 0 });
    for (const row of board.rows) expect(row.plain.lower).toBe(row.plain.score);
  });
});

describe("the rank rule: 1 + the number of models whose lower bound is above this upper bound", () => {
  it("ranks models whose intervals overlap together", () => {
    expect(
      rankByIntervals([
        { lower: 1100, upper: 1150 }, // clear leader
        { lower: 1040, upper: 1090 }, // below the leader only
        { lower: 1060, upper: 1080 }, // inside the second's interval: same rank
        { lower: 900, upper: 1045 }, // overlaps the second, not the third (1060 > 1045) nor the first
        { lower: 800, upper: 850 },
      ]),
    ).toEqual([1, 2, 2, 3, 5]);
  });

  it("gives everyone rank 1 when all intervals overlap, and counts only strictly higher lower bounds", () => {
    expect(rankByIntervals([{ lower: 0, upper: 10 }, { lower: 5, upper: 15 }, { lower: 9, upper: 20 }])).toEqual([1, 1, 1]);
    expect(rankByIntervals([{ lower: 10, upper: 20 }, { lower: 0, upper: 10 }])).toEqual([1, 1]);
  });

  it("is what the leaderboard reports, among the rows it shows", () => {
    const votes = [...record("A", "B", 90, 10), ...record("B", "C", 52, 48), ...record("A", "C", 90, 10), ...record("C", "D", 1, 0)];
    const board = computeLeaderboard(votes, { bootstrapSamples: 300, minVotes: 10 });
    expect(board.rows.map((r) => r.model)).toEqual(["A", "B", "C"]);
    expect(board.rows.map((r) => r.plain.rank)).toEqual(rankByIntervals(board.rows.map((r) => r.plain)));
    expect(rowOf(board.rows, "A").plain.rank).toBe(1);
    expect(rowOf(board.rows, "B").plain.rank).toBe(rowOf(board.rows, "C").plain.rank);
    expect(rowOf(board.rows, "A")).toMatchObject({ votes: 200, battles: 200, wins: 180, losses: 20, ties: 0 });
  });
});
