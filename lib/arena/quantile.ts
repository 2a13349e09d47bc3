// Quantiles of samples: bootstrap intervals (percentile method) and the medians of latencies.

/** The q-quantile (0 ≤ q ≤ 1) of ascending `sorted`, interpolating between order statistics (type 7, as R and NumPy default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
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
