"use client";
// After a blind comparison's reveal: which model was behind each letter, each card turning over
// in turn, with what its voted turns cost and the turns the voter picked it on. The headers,
// stats and costs come back with the conversation.
import type { ModelOption } from "@/lib/chat/api-types";
import { blindLabel } from "@/lib/chat/blind-labels";
import { modelLabel, visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import type { VoteDto } from "@/lib/votes/client/votes-api";

/** `votes`: the comparison's human votes, revealed (one per voted turn). */
export function RevealBanner({ votes, byId, onClose }: { votes: VoteDto[]; byId: ReadonlyMap<string, ModelOption>; onClose: () => void }) {
  const columns = votes[0]?.columns ?? [];
  const several = votes.length > 1;
  return (
    <section aria-label="Models revealed" className="mx-3 mt-3 rounded-xl bg-indigo-50 px-3 py-2.5 ring-1 ring-indigo-200 dark:bg-indigo-950/40 dark:ring-indigo-900">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Revealed: the models behind the letters{several ? ` (${votes.length} turns voted blind)` : ""}</h2>
        <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-xs font-medium ring-1 ring-indigo-300 hover:bg-indigo-100 dark:ring-indigo-800 dark:hover:bg-indigo-900/50">
          Dismiss
        </button>
      </div>
      <ol className="mt-2 flex flex-wrap gap-2 [perspective:600px]">
        {columns.map((column, i) => {
          const label = modelLabel(byId, column.model);
          const costs = votes.map((v) => v.columns[i]?.costPico ?? null);
          const cost = costs.some((c) => c === null) ? null : costs.reduce((sum, c) => sum + BigInt(c!), 0n);
          const picks = votes.filter((v) => v.outcome.kind === "best" && v.outcome.column === i).map((v) => v.turn + 1);
          return (
            <li key={i} className="arena-reveal-card rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-indigo-200 dark:bg-zinc-900 dark:ring-indigo-900" style={{ animationDelay: `${300 + i * 350}ms` }}>
              <span className="text-zinc-600 dark:text-zinc-400">{blindLabel(i)} was </span>
              <strong>{visibleName(label.name, label.simulated)}</strong>
              <span className="text-zinc-600 dark:text-zinc-400">
                {" "}
                via {column.provider ?? label.providerLabel} · {cost === null ? "—" : formatUsd(cost)}
                {several ? " over the voted turns" : ""}
              </span>
              {picks.length > 0 && (
                <span className="ml-1.5 font-medium text-emerald-700 dark:text-emerald-400">★ your pick{several ? ` on turn${picks.length > 1 ? "s" : ""} ${picks.join(", ")}` : ""}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
