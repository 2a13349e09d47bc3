// What each model's answers cost and how fast they came, as recorded with the votes: the other
// axis of the quality-against-cost chart. (The page may take the same figures from the ledger
// instead; the frontier does not care where they come from.)
import { quantileSorted } from "./quantile";
import type { VoteColumn } from "./vote-schema";

export interface ModelPerformance {
  model: string;
  answers: number;
  /** Mean over answers with a known cost, rounded down to a whole picodollar; null when none is known. */
  averageCostPico: bigint | null;
  /** Medians: one stalled call should not move a model across the chart. */
  medianTtftMs: number | null;
  medianTokensPerSecond: number | null;
}

type PerformanceColumn = Pick<VoteColumn, "model" | "costPico" | "ttftMs" | "tokensPerSecond">;

export function summarisePerformance(votes: readonly { columns: readonly PerformanceColumn[] }[]): ModelPerformance[] {
  const byModel = new Map<string, { answers: number; costSum: bigint; costed: bigint; ttft: number[]; speed: number[] }>();
  for (const vote of votes) {
    for (const column of vote.columns) {
      let acc = byModel.get(column.model);
      if (!acc) byModel.set(column.model, (acc = { answers: 0, costSum: 0n, costed: 0n, ttft: [], speed: [] }));
      acc.answers++;
      if (column.costPico !== null) {
        acc.costSum += column.costPico;
        acc.costed++;
      }
      if (column.ttftMs !== null) acc.ttft.push(column.ttftMs);
      if (column.tokensPerSecond !== null) acc.speed.push(column.tokensPerSecond);
    }
  }
  return [...byModel.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([model, acc]) => ({
      model,
      answers: acc.answers,
      averageCostPico: acc.costed > 0n ? acc.costSum / acc.costed : null,
      medianTtftMs: median(acc.ttft),
      medianTokensPerSecond: median(acc.speed),
    }));
}

function median(values: number[]): number | null {
  return values.length === 0 ? null : quantileSorted(values.sort((a, b) => a - b), 0.5);
}
