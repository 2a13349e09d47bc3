// Browser-side calls to the catalog routes; server error sentences are shown as they are.
import { csrfHeaders } from "@/lib/http/csrf-client";
import type { CatalogResponse, CatalogSort, CatalogStatusResponse } from "@/lib/catalog/catalog-view-types";
import { errorFromResponse } from "@/lib/chat/client/api";

export interface CatalogFilters {
  q: string;
  provider: string;
  free: boolean;
  tools: boolean;
  vision: boolean;
  minContext: string;
  maxPrice: string;
  sort: CatalogSort;
}

export const DEFAULT_FILTERS: CatalogFilters = { q: "", provider: "", free: false, tools: false, vision: false, minContext: "", maxPrice: "", sort: "name" };

export const catalogKeys = {
  list: (filters: CatalogFilters) => ["catalog", filters] as const,
  all: ["catalog"] as const,
  status: ["catalog-status"] as const,
};

/** Unticked boxes and empty fields are left out: they mean "any", not "false". */
export function catalogSearchParams(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.provider) params.set("provider", filters.provider);
  for (const flag of ["free", "tools", "vision"] as const) if (filters[flag]) params.set(flag, "true");
  if (filters.minContext) params.set("minContext", filters.minContext);
  if (filters.maxPrice.trim()) params.set("maxPrice", filters.maxPrice.trim());
  if (filters.sort !== "name") params.set("sort", filters.sort);
  return params;
}

export async function fetchCatalog(filters: CatalogFilters, signal?: AbortSignal): Promise<CatalogResponse> {
  const response = await fetch(`/api/catalog?${catalogSearchParams(filters)}`, { signal });
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

export async function fetchCatalogStatus(): Promise<CatalogStatusResponse> {
  const response = await fetch("/api/catalog/status");
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

export async function refreshCatalogNow(): Promise<CatalogStatusResponse> {
  const response = await fetch("/api/catalog/refresh", { method: "POST", headers: csrfHeaders() });
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

/** The chatroom's URL for a set of picker ids. Slashes and colons stay readable: both are legal in a query. */
export function compareHref(pickerIds: string[]): string {
  const list = pickerIds.map((id) => encodeURIComponent(id).replace(/%2F/gi, "/").replace(/%3A/gi, ":")).join(",");
  return `/?models=${list}`;
}
