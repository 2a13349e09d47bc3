"use client";
// "Does it answer?": the last check (run when the key was saved, or on "Check") and a button
// to check again. A configured provider nobody has checked since the server started is
// checked once when Settings opens, so what is shown is never a guess.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { checkProvider, queryKeys } from "@/lib/chat/client/api";
import { formatDuration } from "@/lib/format/duration";
import { sandboxKey } from "./provider-settings-api";

export function ProviderCheck({ provider }: { provider: ProviderStatusDto }) {
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: () => checkProvider(provider.id),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
      void queryClient.invalidateQueries({ queryKey: sandboxKey });
    },
  });
  const autoChecked = useRef(false);
  const unchecked = provider.configured && !provider.simulated && provider.lastCheck === null;
  useEffect(() => {
    if (!unchecked || autoChecked.current) return;
    autoChecked.current = true;
    check.mutate();
  }, [unchecked, check]);

  const result = check.data ?? provider.lastCheck ?? null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => check.mutate()}
        disabled={check.isPending}
        aria-label={`Check ${provider.label}`}
        className="rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-zinc-300 hover:bg-zinc-100 disabled:opacity-50 dark:ring-zinc-700 dark:hover:bg-zinc-800"
      >
        {check.isPending ? "Checking…" : "Check"}
      </button>
      <span role="status" aria-live="polite" className="text-xs">
        {check.isError && <span className="text-red-700 dark:text-red-400">Check failed: {check.error.message}</span>}
        {!check.isPending && result?.ok && (
          <span className="text-emerald-800 dark:text-emerald-400">
            Answers · {formatDuration(result.latencyMs)}
            {result.modelCount !== null ? ` · ${result.modelCount} models` : ""}
          </span>
        )}
        {!check.isPending && result && !result.ok && <span className="text-red-700 dark:text-red-400">Failed: {result.error ?? "no answer"}</span>}
      </span>
    </div>
  );
}
