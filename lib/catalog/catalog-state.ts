// The process-wide catalog state: last good lists per provider, refresh outcomes, and the merged catalog.
// One per process (process-singleton.ts): Next's dev reloads and route bundles share one copy.
import { peekProcessSingleton, processSingleton, resetProcessSingletons } from "../process-singleton";
import { onProviderSettingsChanged } from "../providers/settings-changes";
import { readCatalogCache } from "./catalog-cache-file";
import { mergeCatalog, type MergedCatalog } from "./merge-catalog";
import type { ProviderModelList } from "./refresh-types";
import { getCatalogCachePath } from "./refresh-settings";
import { CATALOG_SNAPSHOT } from "./snapshot";

export interface CatalogState {
  lists: Map<string, ProviderModelList>;
  attempts: Map<string, { at: string; error: string | null }>;
  merged: MergedCatalog | null;
  loadedCache: boolean;
  scheduled: boolean;
  timers: NodeJS.Timeout[];
  inFlight: Promise<void> | null;
}

export function getCatalogState(): CatalogState {
  return processSingleton("catalog-state", (): CatalogState => ({ lists: new Map(), attempts: new Map(), merged: null, loadedCache: false, scheduled: false, timers: [], inFlight: null }));
}

/** The merged catalog, built on first use from the snapshot and whatever the cache file holds. */
export function getMergedCatalog(): MergedCatalog {
  const state = getCatalogState();
  if (!state.loadedCache) {
    state.loadedCache = true;
    for (const list of readCatalogCache(getCatalogCachePath())) if (!state.lists.has(list.provider)) state.lists.set(list.provider, list);
  }
  state.merged ??= mergeCatalog(CATALOG_SNAPSHOT, [...state.lists.values()]);
  return state.merged;
}

/** Publishes new lists: readers see the whole new catalog or the whole old one, never a mix. */
export function publishLists(lists: ProviderModelList[]): void {
  const state = getCatalogState();
  getMergedCatalog();
  for (const list of lists) state.lists.set(list.provider, list);
  state.merged = mergeCatalog(CATALOG_SNAPSHOT, [...state.lists.values()]);
}

/** A provider's key or base URL changed: its refreshed list came from the old endpoint (the snapshot stays). */
export function forgetProviderLists(providers: string[]): void {
  const state = getCatalogState();
  getMergedCatalog();
  let changed = false;
  for (const provider of providers) {
    changed = state.lists.delete(provider) || changed;
    state.attempts.delete(provider);
  }
  if (changed) state.merged = mergeCatalog(CATALOG_SNAPSHOT, [...state.lists.values()]);
}

// A new key reaches the same endpoint, whose refreshed list stays valid; a new base URL does not.
onProviderSettingsChanged("catalog-lists", ({ providerId, endpointChanged }) => {
  if (endpointChanged) forgetProviderLists([providerId]);
});

export function recordAttempt(provider: string, error: string | null, at = new Date()): void {
  getCatalogState().attempts.set(provider, { at: at.toISOString(), error });
}

/** Forgets everything refreshed in this process (tests point providers elsewhere between cases). */
export function resetCatalogState(): void {
  for (const timer of peekProcessSingleton<CatalogState>("catalog-state")?.timers ?? []) clearTimeout(timer);
  resetProcessSingletons("catalog-state");
}
