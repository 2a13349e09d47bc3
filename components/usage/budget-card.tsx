"use client";
// The signed-in user's own monthly budget: how much of it is spent, what is left, when it resets.
import { useQuery } from "@tanstack/react-query";
import type { OwnBudget } from "@/lib/usage/own-budget";
import { formatUsd } from "@/lib/format/usd";
import { formatDateTime } from "./format-time";
import { getJson } from "./usage-client";
import { card } from "./styles";

export function BudgetCard({ tz }: { tz: string }) {
  const budget = useQuery({ queryKey: ["usage", "budget"], queryFn: () => getJson<OwnBudget>("/api/usage/budget"), refetchInterval: 60_000 });
  const b = budget.data;
  if (!b) return null;
  if (b.budgetPico === null) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No monthly budget: an admin has set no limit on your spending.</p>;
  }
  const limit = BigInt(b.budgetPico);
  const left = BigInt(b.leftPico ?? "0");
  // Whole per-mille steps are exact enough for a bar; the figures beside it are exact.
  const usedShare = limit > 0n ? Number(((limit - left) * 1000n) / limit) / 10 : 100;
  const tone = usedShare < 75 ? "bg-emerald-500" : usedShare < 95 ? "bg-amber-500" : "bg-red-500";
  return (
    <section aria-labelledby="budget-heading" className={`${card} flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-6`}>
      <div className="min-w-0">
        <h2 id="budget-heading" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Your monthly budget
        </h2>
        <p className="text-sm">
          <strong className="text-lg tabular-nums">{formatUsd(b.leftPico)}</strong> left of {formatUsd(b.budgetPico)}
          <span className="text-zinc-600 dark:text-zinc-400"> · {formatUsd(b.spentPico)} spent · resets {formatDateTime(b.resetsAt, tz)}</span>
        </p>
      </div>
      <div
        role="meter"
        aria-label="Monthly budget used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, usedShare)}
        aria-valuetext={`${formatUsd(b.spentPico)} of ${formatUsd(b.budgetPico)} used`}
        className="h-2 min-w-32 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(100, usedShare)}%` }} />
      </div>
    </section>
  );
}
