"use client";
import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { SimulatedBadge } from "@/components/ui/badge";
import { visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import type { SharedSnapshot } from "@/lib/share/snapshot-types";
import { ContinueButton } from "./continue-button";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

interface Props {
  snapshot: SharedSnapshot;
  token: string;
  expiresAt: Date | null;
  /** Whether the visitor has a session here: "Continue" then copies at once, else signs in first. */
  signedIn: boolean;
  autoContinue: boolean;
}

export function SharedHeader({ snapshot, token, expiresAt, signedIn, autoContinue }: Props) {
  const prompts = snapshot.columns.filter((c) => c.systemPrompt);
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-3 border-b border-zinc-100 bg-zinc-50 px-4 py-2 dark:border-zinc-900 dark:bg-zinc-900/60">
        <Link href="/" aria-label="Switchyard home" className="rounded-md">
          <Brand />
        </Link>
        <Link href={signedIn ? "/" : "/login"} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {signedIn ? "Open Switchyard" : "Sign in to Switchyard"}
        </Link>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
        <div className="min-w-0 flex-1 basis-full sm:basis-0">
          <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Shared comparison · read-only snapshot of {dateFormat.format(new Date(snapshot.sharedAt))} UTC
            {expiresAt && ` · link expires ${dateFormat.format(expiresAt)} UTC`}
          </p>
          <h1 className="mt-0.5 truncate text-lg font-semibold tracking-tight" title={snapshot.title}>
            {snapshot.title}
          </h1>
          <ul aria-label="Models compared" className="mt-1 hidden flex-wrap gap-1.5 sm:flex">
            {snapshot.columns.map((c, i) => (
              <li key={i} className="flex items-center gap-1 rounded-full bg-zinc-100 px-2 py-0.5 text-xs ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
                <span className="font-medium">{visibleName(c.name, c.simulated)}</span>
                <span className="text-zinc-600 dark:text-zinc-400">· {c.providerLabel}</span>
                {c.simulated && <SimulatedBadge />}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex w-full items-center justify-between gap-4 sm:w-auto sm:justify-end">
          {snapshot.totalCostPico !== undefined && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Total <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{formatUsd(snapshot.totalCostPico)}</span>
            </p>
          )}
          <ContinueButton token={token} signedIn={signedIn} autoContinue={autoContinue} />
        </div>
      </div>
      {prompts.length > 0 && (
        <details className="px-4 pb-3 text-sm">
          <summary className="cursor-pointer text-xs font-medium text-zinc-600 select-none dark:text-zinc-400">System prompts</summary>
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
