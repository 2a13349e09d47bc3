// Word-level differences between two answers, computed by jsdiff (`diff` on npm): each
// word and punctuation mark is a token, and whitespace changes alone do not count.
import { diffWords } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export interface WordDiff {
  parts: DiffPart[];
  /** False when the texts were too far apart to diff within the time limit: shown whole instead. */
  complete: boolean;
  addedWords: number;
  removedWords: number;
}

/** Long, very different texts can take seconds word by word; past this the diff gives up. */
const TIMEOUT_MS = 1_500;

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function diffAnswers(left: string, right: string): WordDiff {
  const changes = diffWords(left, right, { timeout: TIMEOUT_MS });
  const parts: DiffPart[] = changes
    ? changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }))
    : [
        { kind: "removed", text: left },
        { kind: "added", text: right },
      ];
  let addedWords = 0;
  let removedWords = 0;
  for (const part of parts) {
    if (part.kind === "added") addedWords += countWords(part.text);
    if (part.kind === "removed") removedWords += countWords(part.text);
  }
  return { parts, complete: changes !== undefined, addedWords, removedWords };
}

/** One side of a side-by-side view: the shared words and that side's own. */
export function sideOf(diff: WordDiff, side: "left" | "right"): DiffPart[] {
  const hidden = side === "left" ? "added" : "removed";
  return diff.parts.filter((p) => p.kind !== hidden);
}
