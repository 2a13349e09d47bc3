// What the comparison draws per turn, and where: one grid row per part of a turn, shared
// by every column, so turn 2 of every model starts at the same height.
import type { MessageDto } from "@/lib/chat/api-types";
import { toAnswerDisplay } from "./answer-display";
import { answerKey, type ChatView, type ViewTurn } from "./chat-view";
import type { LiveAnswer } from "./live-types";
import { scoreTurn, type ScoreFigures, type ScoreMark, type TurnScore } from "./scorecard";

/**
 * The rows of one turn, in order. `extra` holds nothing yet: it is where a turn-wide row
 * (a vote bar, a fused answer) goes, under the answers and their scorecard.
 */
export const TURN_PARTS = ["prompt", "answer", "score", "extra"] as const;
export type TurnPart = (typeof TURN_PARTS)[number];

/** Row 1 is the column headers; each turn then takes one row per part. */
export function gridRowOf(turnIndex: number, part: TurnPart): number {
  return 2 + turnIndex * TURN_PARTS.length + TURN_PARTS.indexOf(part);
}

export function gridRowCount(turnCount: number): number {
  return 1 + Math.max(1, turnCount * TURN_PARTS.length);
}

export interface TurnRow {
  turn: ViewTurn;
  /** One per column, in column order. */
  answers: (MessageDto | LiveAnswer | undefined)[];
  score: TurnScore;
  /** The turn's fused answer, if it was fused. */
  fusion?: MessageDto | LiveAnswer;
}

export function buildTurnRows(view: ChatView): TurnRow[] {
  return view.turns.map((turn) => {
    const answers = view.columns.map((c) => view.answers.get(answerKey(c.key, turn.turn)));
    return { turn, answers, score: scoreTurn(answers.map((a) => (a ? toAnswerDisplay(a) : undefined))), fusion: view.fusions.get(turn.turn) };
  });
}

export interface CellScore {
  figures: ScoreFigures | null;
  marks: ScoreMark[];
}

/** A column's scorecards down the turns, and a key that changes only when they do. */
export function columnScores(rows: readonly TurnRow[], columnIndex: number): { scores: CellScore[]; key: string } {
  const scores = rows.map((r) => ({ figures: r.score.figures[columnIndex], marks: r.score.marks[columnIndex] }));
  return { scores, key: JSON.stringify(scores, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) };
}
