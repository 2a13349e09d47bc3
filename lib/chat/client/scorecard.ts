// A turn's figures side by side — cost, time to first token, total time, speed, output
// tokens — and which answers win on cost, first token and overall time. Only finished
// answers ("done") compete: a stopped or failed answer is cheap and quick for the wrong reason.
import { toPico } from "@/lib/format/usd";
import type { AnswerDisplay } from "./answer-display";

export type ScoreMark = "cheapest" | "fastest-first-token" | "fastest-overall";

export const SCORE_MARK_LABELS: Record<ScoreMark, string> = {
  cheapest: "Cheapest",
  "fastest-first-token": "Fastest first token",
  "fastest-overall": "Fastest overall",
};

export interface ScoreFigures {
  status: AnswerDisplay["status"];
  costPico: bigint;
  /** The cost is what the answer cost where it came from (an import), not a ledger row here. */
  costImported: boolean;
  ttftMs: number | null;
  totalMs: number | null;
  /** Streaming time after the first token: speed is outputTokens over it. */
  generationMs: number;
  outputTokens: number;
  estimated: boolean;
}

export interface TurnScore {
  /** One per column, in column order; null where the column has no finished stats yet. */
  figures: (ScoreFigures | null)[];
  /** One per column: the marks it won. */
  marks: ScoreMark[][];
}

export function figuresOf(answer: AnswerDisplay | undefined): ScoreFigures | null {
  const stats = answer?.stats;
  if (!answer || !stats || answer.hidden) return null;
  const generationMs = stats.ttftMs === null ? stats.totalMs : stats.totalMs - stats.ttftMs;
  return {
    status: stats.status,
    costPico: answer.importedCostPico !== null ? toPico(answer.importedCostPico) : toPico(stats.costPico),
    costImported: answer.importedCostPico !== null,
    ttftMs: stats.ttftMs,
    totalMs: stats.totalMs,
    generationMs,
    outputTokens: stats.completionTokens,
    estimated: stats.usageEstimated,
  };
}

/** Indexes holding the smallest value, unless every contender has it (then nothing stands out). */
function winners(values: (number | bigint | null)[]): number[] {
  const present = values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
  if (present.length < 2) return [];
  const best = present.reduce((min, x) => (x.v < min ? x.v : min), present[0].v);
  const won = present.filter((x) => x.v === best).map((x) => x.i);
  return won.length === present.length ? [] : won;
}

export function scoreTurn(answers: readonly (AnswerDisplay | undefined)[]): TurnScore {
  const figures = answers.map(figuresOf);
  const finished = figures.map((f) => (f && f.status === "done" ? f : null));
  const marks: ScoreMark[][] = answers.map(() => []);
  const award = (mark: ScoreMark, values: (number | bigint | null)[]) => {
    for (const i of winners(values)) marks[i].push(mark);
  };
  award("cheapest", finished.map((f) => f?.costPico ?? null));
  award("fastest-first-token", finished.map((f) => f?.ttftMs ?? null));
  award("fastest-overall", finished.map((f) => f?.totalMs ?? null));
  return { figures, marks };
}
