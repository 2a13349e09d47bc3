// Votes turned into counts once, up front: per pair of models and per length bin, how often each
// side won or tied. Every fit (point estimate and each bootstrap replicate) reads these counts,
// never the votes, so a fit costs O(pairs × bins), not O(votes).
//
// Length control bins its covariate. The covariate of a battle is i's length advantage
// x = (len_i − len_j) / (len_i + len_j) in [−1, 1] (scale-free, so a 2-line and a 2-page pair
// compare alike, and bounded, so one essay cannot dominate the fit); it is rounded to one of
// `lengthBins` equally spaced values (21 by default: steps of 0.1, x = 0 exactly representable).
// Rounding moves a battle's x by at most 0.05, i.e. σ's argument by 0.05·γ, well below the
// noise of any real data; in exchange every fit touches at most pairs × bins cells instead of
// every vote.
import { forEachImpliedPair, type OutcomeOfColumns } from "./expand-vote";
import type { CellCounts, PairwiseStructure } from "./fit-bradley-terry";

/** What the leaderboard needs of a vote: who was compared, how long each answer was, who won. */
export interface BattleVote extends OutcomeOfColumns {
  columns: readonly { model: string; answerChars: number }[];
}

export interface ModelTally {
  /** Votes the model took part in (an N-column vote counts once). */
  votes: number;
  battles: number;
  wins: number;
  losses: number;
  ties: number;
}

export interface BattleData {
  /** Model ids, sorted; every index below refers to this list. */
  models: string[];
  tallies: ModelTally[];
  /** One cell per (pair, length bin); a cell's level is its bin. */
  fine: PairwiseStructure;
  fineCounts: CellCounts;
  /** One cell per pair, x = 0: plain Bradley–Terry. */
  coarse: PairwiseStructure;
  coarseCounts: CellCounts;
  /** Vote v adds 1 to fineCounts[voteCodes[k]] for k in voteStart[v] … voteStart[v + 1] − 1 (the bootstrap's unit). */
  voteStart: Int32Array;
  voteCodes: Int32Array;
  voteCount: number;
  battleCount: number;
}

export function binLengthAdvantage(lengthI: number, lengthJ: number, bins: number): number {
  const total = lengthI + lengthJ;
  const x = total > 0 ? (lengthI - lengthJ) / total : 0;
  return Math.round(((x + 1) / 2) * (bins - 1));
}

export function binValue(bin: number, bins: number): number {
  return -1 + (2 * bin) / (bins - 1);
}

export function buildBattleData(votes: readonly BattleVote[], lengthBins = 21): BattleData {
  if (!Number.isInteger(lengthBins) || lengthBins < 3 || lengthBins % 2 === 0) throw new RangeError("lengthBins must be an odd whole number ≥ 3");
  const seen = new Set<string>();
  for (const vote of votes) for (const column of vote.columns) seen.add(column.model);
  const models = [...seen].sort();
  const indexOf = new Map(models.map((id, k) => [id, k]));
  const m = models.length;
  const tallies: ModelTally[] = models.map(() => ({ votes: 0, battles: 0, wins: 0, losses: 0, ties: 0 }));
  const lastVote = new Int32Array(m).fill(-1);

  // Pass 1: every implied battle as (pair, bin, outcome), i < j. Pairs are numbered as met.
  // Typed arrays sized for the most battles the votes could imply: no garbage for 10^5 votes.
  let most = 0;
  for (const vote of votes) most += (vote.columns.length * (vote.columns.length - 1)) / 2;
  const battlePairs = new Int32Array(most);
  const battleBins = new Int32Array(most);
  const battleOutcomes = new Int32Array(most);
  let battles = 0;
  const voteStart = new Int32Array(votes.length + 1);
  const pairOfKey = new Map<number, number>();
  const pairKeys: number[] = [];
  let columnModels = new Int32Array(16);
  let vote: BattleVote;
  const visit = (a: number, b: number, result: number) => {
    const flip = columnModels[a] > columnModels[b];
    const i = flip ? columnModels[b] : columnModels[a];
    const j = flip ? columnModels[a] : columnModels[b];
    const scoreI = flip ? 1 - result : result;
    const lengthA = vote.columns[a].answerChars;
    const lengthB = vote.columns[b].answerChars;
    const key = i * m + j;
    let pair = pairOfKey.get(key);
    if (pair === undefined) {
      pair = pairKeys.length;
      pairOfKey.set(key, pair);
      pairKeys.push(key);
    }
    battlePairs[battles] = pair;
    battleBins[battles] = binLengthAdvantage(flip ? lengthB : lengthA, flip ? lengthA : lengthB, lengthBins);
    battleOutcomes[battles] = scoreI === 1 ? 0 : scoreI === 0 ? 2 : 1;
    battles++;
    tally(tallies[i], scoreI);
    tally(tallies[j], 1 - scoreI);
  };
  for (let v = 0; v < votes.length; v++) {
    vote = votes[v];
    if (vote.columns.length > columnModels.length) columnModels = new Int32Array(vote.columns.length);
    for (let c = 0; c < vote.columns.length; c++) {
      const k = indexOf.get(vote.columns[c].model)!;
      columnModels[c] = k;
      if (lastVote[k] === v) continue;
      lastVote[k] = v;
      tallies[k].votes++;
    }
    forEachImpliedPair(vote, visit);
    voteStart[v + 1] = battles;
  }

  // Cells in (pair, bin) order, so each pair's cells are contiguous.
  const pairCount = pairKeys.length;
  const cellOfPairBin = new Int32Array(pairCount * lengthBins).fill(-1);
  for (let k = 0; k < battles; k++) cellOfPairBin[battlePairs[k] * lengthBins + battleBins[k]] = 0;
  const pairCellStart = new Int32Array(pairCount + 1);
  const cellBins: number[] = [];
  for (let p = 0; p < pairCount; p++) {
    for (let bin = 0; bin < lengthBins; bin++) {
      if (cellOfPairBin[p * lengthBins + bin] < 0) continue;
      cellOfPairBin[p * lengthBins + bin] = cellBins.length;
      cellBins.push(bin);
    }
    pairCellStart[p + 1] = cellBins.length;
  }
  const voteCodes = new Int32Array(battles);
  for (let k = 0; k < battles; k++) voteCodes[k] = 3 * cellOfPairBin[battlePairs[k] * lengthBins + battleBins[k]] + battleOutcomes[k];

  const pairI = Int32Array.from(pairKeys, (key) => Math.floor(key / m));
  const pairJ = Int32Array.from(pairKeys, (key) => key % m);
  const levels = Float64Array.from({ length: lengthBins }, (_, bin) => binValue(bin, lengthBins));
  const fine: PairwiseStructure = { modelCount: m, pairI, pairJ, pairCellStart, cellLevel: Int32Array.from(cellBins), levels };
  const coarse: PairwiseStructure = {
    modelCount: m,
    pairI,
    pairJ,
    pairCellStart: Int32Array.from({ length: pairCount + 1 }, (_, p) => p),
    cellLevel: new Int32Array(pairCount),
    levels: Float64Array.of(0),
  };
  const fineCounts = new Int32Array(3 * cellBins.length);
  for (const code of voteCodes) fineCounts[code]++;
  const coarseCounts = new Int32Array(3 * pairCount);
  sumCellsByPair(fine, fineCounts, coarseCounts);
  return { models, tallies, fine, fineCounts, coarse, coarseCounts, voteStart, voteCodes, voteCount: votes.length, battleCount: battles };
}

/** Collapses the length bins: the counts plain Bradley–Terry reads, from the same (resampled) votes. */
export function sumCellsByPair(fine: PairwiseStructure, fineCounts: CellCounts, out: CellCounts): void {
  out.fill(0);
  for (let p = 0; p < fine.pairI.length; p++) {
    for (let c = fine.pairCellStart[p]; c < fine.pairCellStart[p + 1]; c++) {
      out[3 * p] += fineCounts[3 * c];
      out[3 * p + 1] += fineCounts[3 * c + 1];
      out[3 * p + 2] += fineCounts[3 * c + 2];
    }
  }
}

function tally(t: ModelTally, score: number): void {
  t.battles++;
  if (score === 1) t.wins++;
  else if (score === 0) t.losses++;
  else t.ties++;
}
