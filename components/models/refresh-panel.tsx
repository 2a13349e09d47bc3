"use client";
// Where the prices come from, when they were last refreshed, what went wrong, and a button to refresh now.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CatalogStatusResponse, ProviderRefreshStatus } from "@/lib/catalog/catalog-view-types";
import { RefreshIcon } from "@/components/ui/icons";
import { catalogKeys, fetchCatalogStatus, refreshCatalogNow } from "./catalog-client";

export function RefreshPanel() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: catalogKeys.status, queryFn: fetchCatalogStatus });
  const refresh = useMutation({
    mutationFn: refreshCatalogNow,
    onSuccess: (next) => {
      queryClient.setQueryData(catalogKeys.status, next);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
  const data = status.data;

  return (
    <section aria-labelledby="catalog-status-heading" className="min-w-0 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="catalog-status-heading" className="font-medium">
          Catalog
        </h2>
        <button
          type="button"
          onClick={() => refresh.mutate()}
          disabled={refresh.isPending}
          className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <RefreshIcon className={`size-4 ${refresh.isPending ? "animate-spin" : ""}`} />
          {refresh.isPending ? "Refreshing…" : "Refresh catalog"}
        </button>
      </div>
      <div aria-live="polite" className="mt-1 space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {status.isError && <p className="text-red-600 dark:text-red-400">Could not load the catalog status: {status.error.message}</p>}
        {refresh.isError && <p className="text-red-600 dark:text-red-400">Refresh failed: {refresh.error.message}</p>}
        {data && <StatusLines status={data} />}
      </div>
    </section>
  );
}

function StatusLines({ status }: { status: CatalogStatusResponse }) {
  const schedule = status.refreshHours === null ? "Scheduled refresh is off." : `Refreshes every ${status.refreshHours} h.`;
  return (
    <>
      <p>
        Bundled snapshot of {status.snapshotTakenAt}. {status.providers.length === 0 ? "No real provider is configured, so prices come from the snapshot." : schedule}
      </p>
      {status.providers.length > 0 && (
        <ul className="space-y-0.5">
          {status.providers.map((p) => (
            <ProviderLine key={p.provider} status={p} />
          ))}
        </ul>
      )}
    </>
  );
}

function ProviderLine({ status }: { status: ProviderRefreshStatus }) {
  const refreshed = status.lastSuccessAt ? `refreshed ${timeAgo(status.lastSuccessAt)}, ${status.modelCount} models` : "not refreshed yet, using the snapshot";
  const unpriced = status.unpricedCount > 0 ? `, ${status.unpricedCount} without a known price` : "";
  return (
    <li>
      <span className="font-medium text-zinc-800 dark:text-zinc-200">{status.label}</span>: {refreshed}
      {unpriced}
      {!status.configured && " (no longer configured)"}
      {status.lastError && (
        <span className="text-red-600 dark:text-red-400">
          {" "}
          · last refresh failed{status.lastSuccessAt ? ", keeping the last good list" : ""}: {status.lastError}
        </span>
      )}
    </li>
  );
}

function timeAgo(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `on ${iso.slice(0, 10)}`;
}
