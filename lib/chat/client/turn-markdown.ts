// Markdown a person pastes elsewhere: one answer as written, or a whole turn as a table
// (one row per model) with the turn's figures.
import { formatDuration, formatRate } from "@/lib/format/duration";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";
import type { ScoreFigures } from "./scorecard";

export interface TurnAnswerForCopy {
  model: string;
  /** The answer's markdown; null when the column has no answer for this turn. */
  text: string | null;
  status: string | null;
  figures: ScoreFigures | null;
}

/** A table cell holds one line: newlines become <br>, pipes are escaped. */
export function tableCell(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .trim()
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, "<br>");
}

export function turnMarkdownTable(prompt: string, answers: readonly TurnAnswerForCopy[]): string {
  const lines = [
    `**Prompt:** ${tableCell(prompt)}`,
    "",
    "| Model | Answer | Cost | Time to first token | Total time | Speed | Output tokens |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const a of answers) {
    const f = a.figures;
    const answer = a.text === null ? "_no answer_" : tableCell(a.text) || "_empty_";
    const status = a.status && a.status !== "done" && a.status !== "streaming" ? ` _(${a.status})_` : "";
    lines.push(
      `| ${tableCell(a.model)} | ${answer}${status} | ${f ? formatUsd(f.costPico) : "–"} | ${formatDuration(f?.ttftMs)} | ${formatDuration(f?.totalMs)} | ${formatRate(f?.outputTokens, f?.generationMs)} | ${f ? formatTokens(f.outputTokens) : "–"} |`,
    );
  }
  return lines.join("\n");
}
