// A rank that does not pretend to know more than the intervals do: a model is outranked only by
// models that are better beyond doubt, so models whose intervals overlap share a rank.
import type { Interval } from "./quantile";

/** rank_i = 1 + the number of models whose lower bound is above i's upper bound. */
export function rankByIntervals(intervals: readonly Interval[]): number[] {
  return intervals.map((mine) => 1 + intervals.filter((other) => other.lower > mine.upper).length);
}
