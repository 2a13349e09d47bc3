"use client";
// After a blind vote: which model was behind each letter, each card turning over in turn, the
// voter's pick marked. The headers, stats and costs come back with the conversation.
import type { ModelOption } from "@/lib/chat/api-types";
import { blindLabel } from "@/lib/chat/blind-labels";
import { modelLabel, visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import type { VoteDto } from "@/lib/votes/client/votes-api";

export function RevealBanner({ vote, byId, onClose }: { vote: VoteDto; byId: ReadonlyMap<string, ModelOption>; onClose: () => void }) {
  const best = vote.outcome.kind === "best" ? vote.outcome.column : null;
  return (
    <section aria-label="Models revealed" className="mx-3 mt-3 rounded-xl bg-indigo-50 px-3 py-2.5 ring-1 ring-indigo-200 dark:bg-indigo-950/40 dark:ring-indigo-900">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Revealed: the models behind the letters</h2>
        <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-xs font-medium ring-1 ring-indigo-300 hover:bg-indigo-100 dark:ring-indigo-800 dark:hover:bg-indigo-900/50">
          Dismiss
        </button>
      </div>
      <ol className="mt-2 flex flex-wrap gap-2 [perspective:600px]">
        {vote.columns.map((column, i) => {
          const label = modelLabel(byId, column.model);
          return (
            <li key={i} className="arena-reveal-card rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-indigo-200 dark:bg-zinc-900 dark:ring-indigo-900" style={{ animationDelay: `${300 + i * 350}ms` }}>
              <span className="text-zinc-600 dark:text-zinc-400">{blindLabel(i)} was </span>
              <strong>{visibleName(label.name, label.simulated)}</strong>
              <span className="text-zinc-600 dark:text-zinc-400">
                {" "}
                via {column.provider ?? label.providerLabel} · {column.costPico === null ? "—" : formatUsd(column.costPico)}
              </span>
              {best === i && <span className="ml-1.5 font-medium text-emerald-700 dark:text-emerald-400">★ your pick</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
