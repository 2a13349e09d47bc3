"use client";
// Search, filters and sort for the models page. Every control is labelled, so it can be found by name.
import type { CatalogProviderDto, CatalogSort } from "@/lib/catalog/catalog-view-types";
import type { CatalogFilters } from "./catalog-client";

const SORT_LABELS: Record<CatalogSort, string> = {
  name: "Name",
  "price-asc": "Input price: low to high",
  "price-desc": "Input price: high to low",
  "context-desc": "Context: largest first",
};

const CONTEXT_OPTIONS = [
  ["", "Any"],
  ["32000", "32k+"],
  ["128000", "128k+"],
  ["200000", "200k+"],
  ["1000000", "1M+"],
] as const;

export const PRICE_PATTERN = /^\d{1,6}(?:\.\d{1,12})?$/;

const field = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const label = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

export function CatalogFiltersBar({ filters, providers, onChange }: { filters: CatalogFilters; providers: CatalogProviderDto[]; onChange: (next: Partial<CatalogFilters>) => void }) {
  const priceInvalid = filters.maxPrice.trim() !== "" && !PRICE_PATTERN.test(filters.maxPrice.trim());
  return (
    <div className="space-y-3">
      <input
        type="search"
        aria-label="Search models"
        placeholder="Search by name, id or provider…"
        value={filters.q}
        onChange={(e) => onChange({ q: e.target.value })}
        className={`${field} w-full py-2`}
      />
      <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end">
        <label className="flex flex-col gap-1">
          <span className={label}>Provider</span>
          <select value={filters.provider} onChange={(e) => onChange({ provider: e.target.value })} className={field}>
            <option value="">All providers</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
                {p.configured ? " ✓" : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={label}>Min context</span>
          <select value={filters.minContext} onChange={(e) => onChange({ minContext: e.target.value })} className={field}>
            {CONTEXT_OPTIONS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={label}>Max input $/M</span>
          <input
            inputMode="decimal"
            placeholder="e.g. 0.5"
            value={filters.maxPrice}
            aria-invalid={priceInvalid || undefined}
            aria-describedby={priceInvalid ? "max-price-error" : undefined}
            onChange={(e) => onChange({ maxPrice: e.target.value })}
            className={`${field} sm:w-28 ${priceInvalid ? "border-red-500 dark:border-red-500" : ""}`}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className={label}>Sort by</span>
          <select value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as CatalogSort })} className={field}>
            {Object.entries(SORT_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-2 sm:pb-1.5">
          <legend className="sr-only">Capabilities</legend>
          {(["free", "tools", "vision"] as const).map((flag) => (
            <label key={flag} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={filters[flag]} onChange={(e) => onChange({ [flag]: e.target.checked })} className="size-4 accent-indigo-600" />
              {flag === "free" ? "Free" : flag === "tools" ? "Tools" : "Vision"}
            </label>
          ))}
        </fieldset>
      </div>
      {priceInvalid && (
        <p id="max-price-error" role="alert" className="text-xs text-red-600 dark:text-red-400">
          Max input price is a number of US dollars per million tokens, such as 0.5.
        </p>
      )}
    </div>
  );
}
