"use client";
// Every model's figures for one turn in a few short lines, marks included: on a phone, where
// only one answer shows at a time, this is where the models are compared at a glance.
import { SCORE_MARK_LABELS } from "@/lib/chat/client/scorecard";
import type { TurnRow } from "@/lib/chat/client/turn-rows";
import { formatDuration } from "@/lib/format/duration";
import { formatUsd } from "@/lib/format/usd";

export function PhoneStatsStrip({ names, row, selected, onSelect }: { names: string[]; row: TurnRow; selected: number; onSelect: (i: number) => void }) {
  if (!row.score.figures.some(Boolean)) return null;
  return (
    <table className="w-full table-fixed text-xs">
      <caption className="sr-only">Figures of every model for this turn</caption>
      <thead className="text-zinc-600 dark:text-zinc-400">
        <tr>
          <th scope="col" className="w-[40%] py-1 text-left font-medium">Model</th>
          <th scope="col" className="py-1 text-right font-medium">Cost</th>
          <th scope="col" className="py-1 text-right font-medium">TTFT</th>
          <th scope="col" className="py-1 text-right font-medium">Time</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name, i) => {
          const f = row.score.figures[i];
          const marks = row.score.marks[i];
          return (
            <tr key={i} className={`border-t border-zinc-200 dark:border-zinc-800 ${i === selected ? "font-semibold" : ""}`}>
              <th scope="row" className="truncate py-1 text-left font-[inherit]">
                <button type="button" onClick={() => onSelect(i)} className="block max-w-full truncate text-left underline-offset-2 hover:underline" aria-label={`Show ${name}'s answer`}>
                  {name}
                </button>
                {marks.length > 0 && <span className="block text-[11px] font-normal whitespace-normal text-emerald-800 dark:text-emerald-300">{marks.map((m) => SCORE_MARK_LABELS[m]).join(" · ")}</span>}
              </th>
              <td className={`py-1 text-right tabular-nums ${marks.includes("cheapest") ? "text-emerald-700 dark:text-emerald-400" : ""}`} title={marks.includes("cheapest") ? SCORE_MARK_LABELS.cheapest : undefined}>
                {f ? formatUsd(f.costPico) : "…"}
              </td>
              <td className={`py-1 text-right tabular-nums ${marks.includes("fastest-first-token") ? "text-indigo-700 dark:text-indigo-300" : ""}`}>
                {f ? formatDuration(f.ttftMs) : "…"}
              </td>
              <td className={`py-1 text-right tabular-nums ${marks.includes("fastest-overall") ? "text-indigo-700 dark:text-indigo-300" : ""}`}>
                {f ? formatDuration(f.totalMs) : "…"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
