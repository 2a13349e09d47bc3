// A turn's answers as the vote records them (lib/arena/vote-schema.ts's VoteColumn): copied at
// the time of the vote, so a later regeneration or price change never rewrites a verdict.
import type { VoteColumn } from "../arena/vote-schema";

export interface AnswerRow {
  modelId: string | null;
  provider: string | null;
  content: string;
  completionTokens: number;
  costPico: bigint;
  ttftMs: number | null;
  totalMs: number | null;
  status: string;
}

export function voteColumnOf(answer: AnswerRow, fallbackModel: string): VoteColumn {
  const streamMs = answer.totalMs !== null ? answer.totalMs - (answer.ttftMs ?? 0) : 0;
  return {
    model: answer.modelId || fallbackModel,
    provider: answer.provider,
    answerChars: answer.content.length,
    completionTokens: answer.completionTokens,
    costPico: answer.costPico,
    ttftMs: answer.ttftMs,
    tokensPerSecond: answer.completionTokens > 0 && streamMs > 0 ? (answer.completionTokens * 1000) / streamMs : null,
  };
}

/** JSON has no bigint: costs travel as decimal strings (voteSchema parses them back). */
export function serialiseColumns(columns: readonly VoteColumn[]): string {
  return JSON.stringify(columns.map((c) => ({ ...c, costPico: c.costPico === null ? null : c.costPico.toString() })));
}
