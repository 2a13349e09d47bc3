"use client";
// "Pick the best" under one turn: each column's button sits under its column (so the pick shows
// on the column), then the turn-wide choices. Two columns: "A is better", "B is better", "Tie",
// "Both are bad"; more: "Best" per column, "Tie", "All are bad", and an optional full ranking.
import { useState } from "react";
import type { VoteOutcome } from "@/lib/arena/vote-schema";
import { blindLabel } from "@/lib/chat/blind-labels";
import type { VoteDto } from "@/lib/votes/client/votes-api";

export interface VoteColumnCell {
  /** The column's index in the comparison. */
  index: number;
  /** Its place in the grid (wide screens); absent on a phone. */
  gridColumn?: number;
  name: string;
}

interface Props {
  turnIndex: number;
  columns: VoteColumnCell[];
  /** Every column of the turn, for the ranking (a focused view shows one). */
  columnCount: number;
  vote: VoteDto | undefined;
  busy: boolean;
  error: string | null;
  onVote: (outcome: VoteOutcome) => void;
  onRemove: () => void;
  /** The judge control, when judging is possible. */
  judge?: React.ReactNode;
  /** A hidden blind comparison's options (keep hidden, reveal), under its latest turn. */
  blind?: React.ReactNode;
}

const choice =
  "inline-flex items-center justify-center gap-1 rounded-md px-2.5 py-1 text-xs font-medium ring-1 disabled:opacity-50 aria-pressed:bg-emerald-600 aria-pressed:text-white aria-pressed:ring-emerald-600 dark:aria-pressed:bg-emerald-500 dark:aria-pressed:text-zinc-950";
const idle = "text-zinc-700 ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-200 dark:ring-zinc-700 dark:hover:bg-zinc-800";

/** `letters`: two columns read "A is better" (the comparison view); otherwise by name. */
export function describeOutcome(outcome: VoteOutcome, columnCount: number, nameOf: (i: number) => string, letters = true): string {
  if (outcome.kind === "tie") return "Tie";
  if (outcome.kind === "all-bad") return columnCount === 2 ? "Both are bad" : "All are bad";
  if (outcome.ranking) return `Ranked: ${outcome.ranking.map((place, i) => ({ place, i })).sort((a, b) => a.place - b.place).map((r) => nameOf(r.i)).join(" > ")}`;
  if (columnCount === 2) return `${letters ? letterOf(outcome.column) : nameOf(outcome.column)} is better`;
  return `${nameOf(outcome.column)} is the best`;
}

function letterOf(index: number): string {
  return blindLabel(index).slice("Model ".length);
}

export function VoteBar({ turnIndex, columns, columnCount, vote, busy, error, onVote, onRemove, judge, blind }: Props) {
  const [ranking, setRanking] = useState<number[] | null>(null);
  const two = columnCount === 2;
  const outcome = vote?.outcome;
  const picked = (i: number) => outcome?.kind === "best" && outcome.column === i;
  const placeOf = (i: number) => (outcome?.kind === "best" && outcome.ranking ? outcome.ranking[i] : null);
  const turnName = `turn ${turnIndex + 1}`;
  const grid = columns.some((c) => c.gridColumn !== undefined);

  return (
    <>
      <div role="group" aria-label={`Pick the best answer of ${turnName}`} className={grid ? "contents" : "flex flex-wrap gap-2"}>
        {columns.map((column) => {
          const label = two ? `${letterOf(column.index)} is better` : `${column.name} is the best`;
          return (
            <div key={column.index} style={column.gridColumn ? { gridColumn: column.gridColumn, gridRow: 1 } : undefined} className="flex min-w-0 items-center gap-2 pt-1">
              <button
                type="button"
                aria-pressed={picked(column.index)}
                aria-label={two ? `${label} (${column.name})` : label}
                disabled={busy}
                onClick={() => onVote({ kind: "best", column: column.index })}
                className={`${choice} ${idle} min-w-0`}
              >
                {picked(column.index) ? "★ " : ""}
                {two ? label : picked(column.index) ? "Your pick" : "Best"}
              </button>
              {placeOf(column.index) !== null && <span className="text-xs text-zinc-600 dark:text-zinc-400">#{placeOf(column.index)}</span>}
            </div>
          );
        })}
      </div>
      <div style={grid ? { gridColumn: "1 / -1", gridRow: 2 } : undefined} className="min-w-0 pt-2">
        <div className="sticky left-0 flex flex-wrap items-center gap-2" style={grid ? { width: "min(100%, var(--view-w))" } : undefined}>
          <div role="group" aria-label={`Other verdicts on ${turnName}`} className="flex flex-wrap gap-2">
            <button type="button" aria-pressed={outcome?.kind === "tie"} disabled={busy} onClick={() => onVote({ kind: "tie" })} className={`${choice} ${idle}`}>
              Tie
            </button>
            <button type="button" aria-pressed={outcome?.kind === "all-bad"} disabled={busy} onClick={() => onVote({ kind: "all-bad" })} className={`${choice} ${idle}`}>
              {two ? "Both are bad" : "All are bad"}
            </button>
            {!two && (
              <button type="button" aria-expanded={ranking !== null} onClick={() => setRanking(ranking ? null : Array.from({ length: columnCount }, (_, i) => placeOf(i) ?? i + 1))} className={`${choice} ${idle}`}>
                Rank all…
              </button>
            )}
            {vote && (
              <button type="button" disabled={busy} onClick={onRemove} aria-label={`Remove your vote on ${turnName}`} className={`${choice} ${idle}`}>
                Remove vote
              </button>
            )}
          </div>
          {blind}
          {judge}
          <p aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
            {error ? <span className="text-red-700 dark:text-red-400">{error}</span> : vote ? `Your vote: ${describeOutcome(vote.outcome, columnCount, (i) => columns.find((c) => c.index === i)?.name ?? blindLabel(i))}${vote.blind ? " (blind)" : ""}` : "Not voted yet"}
          </p>
        </div>
        {ranking && (
          <form
            aria-label={`Rank every answer of ${turnName}`}
            className="sticky left-0 mt-2 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              const best = ranking.indexOf(Math.min(...ranking));
              if (ranking.filter((p) => p === ranking[best]).length > 1) return;
              onVote({ kind: "best", column: best, ranking });
              setRanking(null);
            }}
          >
            {Array.from({ length: columnCount }, (_, i) => (
              <label key={i} className="text-xs">
                <span className="block text-zinc-600 dark:text-zinc-400">{columns.find((c) => c.index === i)?.name ?? blindLabel(i)}</span>
                <select value={ranking[i]} onChange={(e) => setRanking(ranking.map((p, k) => (k === i ? Number(e.target.value) : p)))} className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-900">
                  {Array.from({ length: columnCount }, (_, p) => (
                    <option key={p} value={p + 1}>
                      {p + 1}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" disabled={busy || ranking.filter((p) => p === Math.min(...ranking)).length > 1} className={`${choice} ${idle}`}>
              Save ranking
            </button>
          </form>
        )}
      </div>
    </>
  );
}
