"use client";
import { SimulatedBadge } from "@/components/ui/badge";
import { visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import type { SharedSnapshot } from "@/lib/share/snapshot-types";
import { ContinueButton } from "./continue-button";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function SharedHeader({ snapshot, token, expiresAt }: { snapshot: SharedSnapshot; token: string; expiresAt: Date | null }) {
  const prompts = snapshot.columns.filter((c) => c.systemPrompt);
  return (
    <header className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
            Shared comparison · read-only snapshot of {dateFormat.format(new Date(snapshot.sharedAt))} UTC
            {expiresAt && ` · link expires ${dateFormat.format(expiresAt)} UTC`}
          </p>
          <h1 className="mt-0.5 truncate text-lg font-semibold tracking-tight">{snapshot.title}</h1>
          <ul aria-label="Models compared" className="mt-1 hidden flex-wrap gap-1.5 sm:flex">
            {snapshot.columns.map((c, i) => (
              <li key={i} className="flex items-center gap-1 rounded-full bg-zinc-100 px-2 py-0.5 text-xs ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
                <span className="font-medium">{visibleName(c.name, c.simulated)}</span>
                <span className="text-zinc-500 dark:text-zinc-400">· {c.providerLabel}</span>
                {c.simulated && <SimulatedBadge />}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex items-center gap-4">
          {snapshot.totalCostPico !== undefined && (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              Total <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{formatUsd(snapshot.totalCostPico)}</span>
            </p>
          )}
          <ContinueButton token={token} />
        </div>
      </div>
      {prompts.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-xs font-medium text-zinc-500 select-none dark:text-zinc-400">System prompts</summary>
          <dl className="mt-1.5 space-y-1.5">
            {prompts.map((c, i) => (
              <div key={i}>
                <dt className="text-xs font-medium">{visibleName(c.name, c.simulated)}</dt>
                <dd className="whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">{c.systemPrompt}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </header>
  );
}
