// The bootstrap's two pieces: drawing a replicate, and reading an interval off the replicates.
//
// A replicate draws as many votes as there are, uniformly with replacement, and adds each drawn
// vote's battles to the counts. That is exactly resampling votes, and the counts it produces are
// a multinomial draw over the distinct (pair, length bin, outcome) cells; drawing the votes
// directly costs O(votes) per replicate, whereas drawing the multinomial by conditional binomials
// costs one binomial per cell, and with length bins there are nearly as many cells as votes.
// Resampling whole votes (not battles) keeps an N-column vote's pairs together.
import { quantileSorted } from "./quantile";
import type { CellCounts } from "./fit-bradley-terry";
import type { SeededRandom } from "./random";

/** Draws one bootstrap replicate of the votes described by voteStart/voteCodes into `counts`. */
export class VoteResampler {
  private readonly draws: Uint32Array;

  constructor(
    private readonly voteStart: Int32Array,
    private readonly voteCodes: Int32Array,
  ) {
    this.draws = new Uint32Array(voteStart.length - 1);
  }

  resample(random: SeededRandom, counts: CellCounts): void {
    const { draws, voteStart, voteCodes } = this;
    counts.fill(0);
    if (draws.length === 0) return;
    random.fillIndices(draws, draws.length);
    // Every vote has one battle: the common case (two columns) skips the indirection.
    if (voteCodes.length === draws.length) {
      for (let k = 0; k < draws.length; k++) counts[voteCodes[draws[k]]]++;
      return;
    }
    for (let k = 0; k < draws.length; k++) {
      const v = draws[k];
      for (let c = voteStart[v]; c < voteStart[v + 1]; c++) counts[voteCodes[c]]++;
    }
  }
}

export interface Interval {
  lower: number;
  upper: number;
}

/** The central `confidence` percentile interval of samples (sorted in place). */
export function percentileInterval(samples: Float64Array, confidence: number): Interval {
  samples.sort();
  const tail = (1 - confidence) / 2;
  return { lower: quantileSorted(samples, tail), upper: quantileSorted(samples, 1 - tail) };
}
