"use client";
// The models page: filters drive GET /api/catalog; ticked models go to the chatroom side by side.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDebouncedValue } from "@/lib/chat/client/use-debounced-value";
import type { CatalogModelDto } from "@/lib/catalog/catalog-view-types";
import { CatalogFiltersBar, PRICE_PATTERN } from "./catalog-filters";
import { DEFAULT_FILTERS, catalogKeys, compareHref, fetchCatalog, type CatalogFilters } from "./catalog-client";
import { ModelCards } from "./model-cards";
import { ModelTable } from "./model-table";
import { ObservedHealth } from "./observed-health";
import { RefreshPanel } from "./refresh-panel";

export function ModelsBrowser() {
  const router = useRouter();
  const [filters, setFilters] = useState<CatalogFilters>(DEFAULT_FILTERS);
  // Selection is kept by picker id across filter changes, with names for the summary.
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  // Typing should not fire a request per key; 200 ms is below what reads as lag.
  const debounced = useDebouncedValue(filters, 200);
  // An unfinished price ("0.") is shown as an error beside the field and not sent.
  const sent = PRICE_PATTERN.test(debounced.maxPrice.trim()) ? debounced : { ...debounced, maxPrice: "" };
  const catalog = useQuery({ queryKey: catalogKeys.list(sent), queryFn: ({ signal }) => fetchCatalog(sent, signal), placeholderData: keepPreviousData });

  const toggle = (model: CatalogModelDto) => {
    if (!model.pickerId) return;
    const id = model.pickerId;
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(id)) next.delete(id);
      else next.set(id, model.name);
      return next;
    });
  };
  const selectedIds = [...selected.keys()];
  const selectedSet = new Set(selectedIds);
  const models = catalog.data?.models ?? [];

  return (
    <div className="flex flex-1 flex-col overflow-y-auto">
      {/* flex-1 keeps the compare bar at the bottom of the screen while the list is short or loading. */}
      <div className="mx-auto w-full max-w-7xl flex-1 space-y-4 px-4 py-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Models</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            List prices in US dollars per million tokens. Tick models and compare them side by side in the chatroom.
          </p>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <RefreshPanel />
          <ObservedHealth />
        </div>
        <CatalogFiltersBar filters={filters} providers={catalog.data?.providers ?? []} onChange={(next) => setFilters((f) => ({ ...f, ...next }))} />
        <div className="flex items-center justify-between gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <p aria-live="polite">
            {catalog.isPending ? "Loading models…" : catalog.data ? `${models.length} of ${catalog.data.total} models` : ""}
            {catalog.isFetching && !catalog.isPending ? " · updating…" : ""}
          </p>
          {filters !== DEFAULT_FILTERS && (
            <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Clear filters
            </button>
          )}
        </div>
        {catalog.isError && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            Could not load the catalog: {catalog.error.message}
          </p>
        )}
        {catalog.data && models.length === 0 && <p className="py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">No model matches these filters.</p>}
        {models.length > 0 && (
          <>
            <div className="hidden overflow-x-auto md:block">
              <ModelTable models={models} selected={selectedSet} onToggle={toggle} />
            </div>
            <div className="md:hidden">
              <ModelCards models={models} selected={selectedSet} onToggle={toggle} />
            </div>
          </>
        )}
      </div>
      <div className="sticky bottom-0 border-t border-zinc-200 bg-white/95 px-4 py-2.5 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-3">
          <p className="min-w-0 truncate text-sm text-zinc-600 dark:text-zinc-400" title={[...selected.values()].join(", ")}>
            {selected.size === 0 ? (
              "Tick models to compare them."
            ) : (
              <>
                {/* Names do not fit beside the buttons on a phone; the count does. */}
                <span className="sm:hidden">{selected.size} selected</span>
                <span className="hidden sm:inline">{[...selected.values()].join(", ")}</span>
              </>
            )}
          </p>
          <div className="flex shrink-0 items-center gap-2">
            {selected.size > 0 && (
              <button type="button" onClick={() => setSelected(new Map())} className="rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                Clear selection
              </button>
            )}
            <button
              type="button"
              disabled={selected.size === 0}
              onClick={() => router.push(compareHref(selectedIds))}
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
            >
              Compare these ({selected.size})
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
