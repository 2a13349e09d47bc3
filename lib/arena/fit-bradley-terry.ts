// Bradley–Terry by maximum likelihood: P(i beats j) = σ(s_i − s_j + γ·x), where x is an optional
// covariate of the battle (length control: i's length advantage) and γ its fitted effect.
//
// Newton's method on the log-likelihood, not Zermelo/MM iterations: MM converges only linearly
// (more slowly the more the strengths spread), while Newton took 5 steps from zero and 2–3 from a
// warm start here (the bootstrap starts every replicate from the point estimate), and it fits
// the covariate in the same step. No well-kept npm package fits Bradley–Terry
// (elo-rating is the online Elo update; ml-logistic-regression, last released in 2020, is
// fixed-step gradient descent with no sample weights, for 50,000 steps by default).
//
// A weak prior keeps every strength finite: each model plays `priorGames` virtual games against
// a reference of strength 0, all ending in a tie. It adds g·(½ log σ(s) + ½ log σ(−s)) per model:
// an undefeated model stops where its real wins balance one virtual tie (10–0 between two models
// seen nowhere else: 3.3 nats, ~580 points apart, instead of ∞); a model or group never compared
// with the rest sits near the reference instead of drifting; and the Hessian is positive definite, so each
// Newton step is one Cholesky solve. With thousands of votes its pull is negligible. γ gets a
// Gaussian prior of precision `covariatePrecision` (sd 10 nats by default) so it stays defined
// when no battle has a length difference.
import { solveSpdInPlace } from "./linear-solve";

/** Battles grouped by pair, then by covariate value ("cell"), as plain arrays. */
export interface PairwiseStructure {
  modelCount: number;
  /** Observed pairs, pairI[p] < pairJ[p], in no particular order. */
  pairI: Int32Array;
  pairJ: Int32Array;
  /** Cells of pair p: pairCellStart[p] … pairCellStart[p + 1] − 1. */
  pairCellStart: Int32Array;
  /** The covariate of each cell, from i's side, as an index into `levels`. */
  cellLevel: Int32Array;
  /** The covariate's few distinct values ([0] when there is none): σ's exponent is then one exp per pair times a per-level factor. */
  levels: Float64Array;
}

/** Per cell, three counts: [3c] i won, [3c + 1] tie, [3c + 2] j won. Whole numbers: ties are halved in the fit. */
export type CellCounts = Int32Array;

export interface FitOptions {
  /** Fit γ as well (length control). */
  covariate: boolean;
  priorGames?: number;
  covariatePrecision?: number;
  /** Stop when no parameter moves more than this (nats). */
  tolerance?: number;
  maxIterations?: number;
}

export interface FitResult {
  /** Natural-log strengths, one per model. */
  strengths: Float64Array;
  /** γ in nats per unit of covariate; 0 without a covariate. */
  covariate: number;
  iterations: number;
  converged: boolean;
}

/** A step longer than this (nats, ~350 Elo) is shortened: Newton from far away can overshoot. */
const MAX_STEP = 2;

/** Holds its work buffers so the bootstrap's thousands of fits allocate nothing. */
export class BradleyTerryFitter {
  private readonly size: number;
  private readonly hessian: Float64Array;
  private readonly gradient: Float64Array;
  private readonly params: Float64Array;
  /** exp(−γ·level) for the current γ. */
  private readonly levelFactor: Float64Array;
  private readonly priorGames: number;
  private readonly covariatePrecision: number;
  private readonly tolerance: number;
  private readonly maxIterations: number;

  constructor(
    private readonly structure: PairwiseStructure,
    private readonly options: FitOptions,
  ) {
    this.size = structure.modelCount + (options.covariate ? 1 : 0);
    this.hessian = new Float64Array(this.size * this.size);
    this.gradient = new Float64Array(this.size);
    this.params = new Float64Array(this.size);
    this.levelFactor = new Float64Array(structure.levels.length);
    this.priorGames = options.priorGames ?? 1;
    this.covariatePrecision = options.covariatePrecision ?? 0.01;
    this.tolerance = options.tolerance ?? 1e-9;
    this.maxIterations = options.maxIterations ?? 100;
    if (!(this.priorGames > 0)) throw new RangeError("priorGames must be positive: it is what keeps undefeated models finite");
  }

  /** Fits `counts` (laid out as the structure's cells), starting from `start` (strengths, then γ) or zero. */
  fit(counts: CellCounts, start?: Float64Array): FitResult {
    const params = this.params;
    if (start) params.set(start.subarray(0, this.size));
    else params.fill(0);
    let iterations = 0;
    let converged = false;
    while (iterations < this.maxIterations && !converged) {
      iterations++;
      this.accumulate(counts);
      if (!solveSpdInPlace(this.hessian, this.gradient, this.size)) throw new Error("Bradley–Terry Hessian is not positive definite");
      let largest = 0;
      for (let k = 0; k < this.size; k++) largest = Math.max(largest, Math.abs(this.gradient[k]));
      const scale = largest > MAX_STEP ? MAX_STEP / largest : 1;
      for (let k = 0; k < this.size; k++) params[k] += scale * this.gradient[k];
      converged = largest < this.tolerance;
    }
    const m = this.structure.modelCount;
    return { strengths: params.slice(0, m), covariate: this.options.covariate ? params[m] : 0, iterations, converged };
  }

  /** Fills the gradient and the negated Hessian of the log-posterior at the current parameters. */
  private accumulate(counts: CellCounts): void {
    const { modelCount: m, pairI, pairJ, pairCellStart, cellLevel, levels } = this.structure;
    const size = this.size;
    const h = this.hessian;
    const g = this.gradient;
    const s = this.params;
    const withCovariate = this.options.covariate;
    const gamma = withCovariate ? s[m] : 0;
    const factor = this.levelFactor;
    for (let l = 0; l < levels.length; l++) factor[l] = Math.exp(-gamma * levels[l]);
    h.fill(0);
    g.fill(0);
    let gGamma = 0;
    let hGamma = 0;
    for (let p = 0; p < pairI.length; p++) {
      const i = pairI[p];
      const j = pairJ[p];
      // exp(−(s_i − s_j + γx)) = exp(−(s_i − s_j)) · exp(−γx): one exp per pair, not per cell.
      const odds = Math.exp(s[j] - s[i]);
      let residual = 0;
      let weight = 0;
      let weightX = 0;
      for (let c = pairCellStart[p]; c < pairCellStart[p + 1]; c++) {
        const won = counts[3 * c];
        const tied = counts[3 * c + 1];
        const n = won + tied + counts[3 * c + 2];
        if (n === 0) continue;
        const level = cellLevel[c];
        const prob = 1 / (1 + odds * factor[level]);
        const r = won + 0.5 * tied - n * prob;
        const w = n * prob * (1 - prob);
        residual += r;
        weight += w;
        if (withCovariate) {
          const x = levels[level];
          weightX += w * x;
          gGamma += r * x;
          hGamma += w * x * x;
        }
      }
      g[i] += residual;
      g[j] -= residual;
      h[i * size + i] += weight;
      h[j * size + j] += weight;
      h[i * size + j] -= weight;
      h[j * size + i] -= weight;
      if (withCovariate) {
        h[i * size + m] += weightX;
        h[m * size + i] += weightX;
        h[j * size + m] -= weightX;
        h[m * size + j] -= weightX;
      }
    }
    const prior = this.priorGames;
    for (let k = 0; k < m; k++) {
      const q = 1 / (1 + Math.exp(-s[k]));
      g[k] += prior * (0.5 - q);
      h[k * size + k] += prior * q * (1 - q);
    }
    if (withCovariate) {
      g[m] = gGamma - this.covariatePrecision * gamma;
      h[m * size + m] = hGamma + this.covariatePrecision;
    }
  }
}

/** Points per nat on the Elo-like scale: 400 points = ten-to-one odds, as in chess Elo. */
export const ELO_PER_NAT = 400 / Math.LN10;

export interface EloAnchor {
  /** Index of the model held at `rating`; without it, the models' mean is `rating`. */
  index?: number;
  rating: number;
}

/** Strengths on the Elo-like scale. The shift is applied per bootstrap replicate too, so intervals measure positions relative to the anchor. */
export function toEloScale(strengths: ArrayLike<number>, anchor: EloAnchor, out = new Float64Array(strengths.length)): Float64Array {
  let reference = 0;
  if (anchor.index !== undefined) reference = strengths[anchor.index];
  else {
    for (let k = 0; k < strengths.length; k++) reference += strengths[k];
    reference /= strengths.length || 1;
  }
  for (let k = 0; k < strengths.length; k++) out[k] = anchor.rating + ELO_PER_NAT * (strengths[k] - reference);
  return out;
}
