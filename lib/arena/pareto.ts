// "Which model is good enough for the least money": the models no other model beats on both
// score and cost (or time to first token, or speed) at once.

export interface ParetoPoint<X extends number | bigint> {
  id: string;
  score: number;
  /** Cost per answer (picodollars), time to first token, tokens per second, … */
  x: X;
}

/**
 * The non-dominated points, ordered from the best x to the worst (the order to draw the frontier's
 * line in). A point is dominated when another has a score at least as high and an x at least as
 * good, one of them strictly. `better` says which way x improves: cost and ttft "lower", speed "higher".
 */
export function paretoFrontier<X extends number | bigint>(points: readonly ParetoPoint<X>[], better: "lower" | "higher"): ParetoPoint<X>[] {
  const sign = better === "lower" ? 1 : -1;
  const sorted = [...points].sort((p, q) => (p.x === q.x ? q.score - p.score : p.x < q.x ? -sign : sign));
  const frontier: ParetoPoint<X>[] = [];
  for (const point of sorted) {
    const last = frontier.at(-1);
    // Equal on both counts: neither dominates the other, so both stay.
    if (!last || point.score > last.score || (point.score === last.score && point.x === last.x)) frontier.push(point);
  }
  return frontier;
}
