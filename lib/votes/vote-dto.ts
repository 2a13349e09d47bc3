// Votes as JSON (bigint costs as decimal strings) and as CSV (one line per answer of a vote).
import type { Vote } from "../arena/vote-schema";
import { picoToUsdString } from "../ledger/usd";
import { csvHeader, csvLine, type CsvColumn } from "../usage/csv";

export interface VoteDto extends Omit<Vote, "columns" | "createdAt"> {
  columns: (Omit<Vote["columns"][number], "costPico"> & { costPico: string | null })[];
  createdAt: string;
}

export function voteToDto(vote: Vote): VoteDto {
  return {
    ...vote,
    columns: vote.columns.map((c) => ({ ...c, costPico: c.costPico === null ? null : c.costPico.toString() })),
    createdAt: vote.createdAt.toISOString(),
  };
}

/** "best", "other", "rank 2", "tie", "all-bad": what the vote said of one column. */
export function columnResult(vote: Pick<Vote, "outcome">, column: number): string {
  const { outcome } = vote;
  if (outcome.kind !== "best") return outcome.kind;
  if (outcome.ranking) return outcome.ranking[column] === 1 ? "best" : `rank ${outcome.ranking[column]}`;
  return outcome.column === column ? "best" : "other";
}

type VoteLine = { vote: Vote; column: number };

const COLUMNS: CsvColumn<VoteLine>[] = [
  { header: "vote_id", value: (r) => r.vote.id },
  { header: "created_at", value: (r) => r.vote.createdAt.toISOString() },
  { header: "user_id", value: (r) => r.vote.userId },
  { header: "conversation_id", value: (r) => r.vote.conversationId },
  { header: "turn", value: (r) => r.vote.turn + 1 },
  { header: "kind", value: (r) => r.vote.kind },
  { header: "judge_model", value: (r) => r.vote.judgeModel, text: true },
  { header: "blind", value: (r) => r.vote.blind },
  { header: "deanonymised", value: (r) => r.vote.deanonymised },
  { header: "categories", value: (r) => r.vote.categories.join(";"), text: true },
  { header: "auto_category", value: (r) => r.vote.autoCategory },
  { header: "column", value: (r) => r.column + 1 },
  { header: "model", value: (r) => r.vote.columns[r.column].model, text: true },
  { header: "provider", value: (r) => r.vote.columns[r.column].provider, text: true },
  { header: "result", value: (r) => columnResult(r.vote, r.column) },
  { header: "answer_chars", value: (r) => r.vote.columns[r.column].answerChars },
  { header: "completion_tokens", value: (r) => r.vote.columns[r.column].completionTokens },
  { header: "cost_usd", value: (r) => (r.vote.columns[r.column].costPico === null ? null : picoToUsdString(r.vote.columns[r.column].costPico!)) },
  { header: "ttft_ms", value: (r) => r.vote.columns[r.column].ttftMs },
  { header: "tokens_per_second", value: (r) => r.vote.columns[r.column].tokensPerSecond?.toFixed(1) },
];

export function votesToCsv(votes: readonly Vote[]): string {
  let out = csvHeader(COLUMNS);
  for (const vote of votes) for (let column = 0; column < vote.columns.length; column++) out += csvLine(COLUMNS, { vote, column });
  return out;
}
