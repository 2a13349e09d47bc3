"use client";
import { useMutation } from "@tanstack/react-query";
import { checkProvider } from "@/lib/chat/client/api";
import { formatDuration } from "@/lib/format/duration";

/** "Check" asks the provider for its model list: does the key work, how fast does it answer. */
export function ProviderCheck({ id, label }: { id: string; label: string }) {
  const check = useMutation({ mutationFn: () => checkProvider(id) });
  const result = check.data;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => check.mutate()}
        disabled={check.isPending}
        aria-label={`Check ${label}`}
        className="rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-zinc-300 hover:bg-zinc-100 disabled:opacity-50 dark:ring-zinc-700 dark:hover:bg-zinc-800"
      >
        {check.isPending ? "Checking…" : "Check"}
      </button>
      <span role="status" aria-live="polite" className="text-xs">
        {check.isError && <span className="text-red-600 dark:text-red-400">Check failed: {check.error.message}</span>}
        {result?.ok && (
          <span className="text-emerald-700 dark:text-emerald-400">
            OK · {formatDuration(result.latencyMs)}
            {result.modelCount !== null ? ` · ${result.modelCount} models` : ""}
          </span>
        )}
        {result && !result.ok && <span className="text-red-600 dark:text-red-400">Failed: {result.error ?? "no answer"}</span>}
      </span>
    </div>
  );
}
