// What the status endpoint and the models page say about refreshes, per provider.
import { listProviders } from "../providers/registry";
import { getCatalogState } from "./catalog-state";
import { getCurrentCatalog } from "./current-catalog";
import type { CatalogStatus, ProviderRefreshStatus } from "./refresh-types";
import { getCatalogRefreshHours } from "./refresh-settings";

/** Configured providers that refresh, plus any provider whose cached list is still in use. */
export function getCatalogStatus(): CatalogStatus {
  const catalog = getCurrentCatalog();
  const state = getCatalogState();
  const providers: ProviderRefreshStatus[] = [];
  for (const provider of listProviders()) {
    if (provider.kind === "sandbox") continue;
    const list = state.lists.get(provider.id);
    const attempt = state.attempts.get(provider.id);
    if (!provider.configured && !list) continue;
    providers.push({
      provider: provider.id,
      label: provider.label,
      configured: provider.configured,
      lastSuccessAt: list?.fetchedAt ?? null,
      lastAttemptAt: attempt?.at ?? null,
      lastError: attempt?.error ?? null,
      modelCount: list?.ids.length ?? 0,
      unpricedCount: catalog.unpriced.filter((m) => m.provider === provider.id).length,
    });
  }
  return { snapshotTakenAt: catalog.takenAt, refreshHours: getCatalogRefreshHours(), refreshing: state.inFlight !== null, providers };
}
