// Refreshes the catalog from each configured provider's GET /models. A provider that fails keeps its last
// good list (and the snapshot under it); the failure is recorded for the status page, never thrown.
// With several instances one refreshes at a time (a shared lock) and hands the fresh lists to
// the others over the bus.
import { onBroadcast, publishToOthers } from "../redis/bus";
import { withSharedLock } from "../redis/shared-lock";
import { getProviderClient } from "../providers/client";
import { briefUpstreamStatus } from "../providers/upstream-error";
import { listConfiguredProviders, type ProviderConfig } from "../providers/registry";
import { writeCatalogCache } from "./catalog-cache-file";
import { getCatalogState, publishLists, recordAttempt } from "./catalog-state";
import { toProviderModelList } from "./merge-catalog";
import type { ProviderModelList } from "./refresh-types";
import { getCatalogCachePath } from "./refresh-settings";

const LIST_TIMEOUT_MS = 20_000;
const NO_MODELS = "The provider listed no models";
/** Longer than a refresh can take (every provider's list times out before it). */
const LOCK_MS = LIST_TIMEOUT_MS * 3;

onBroadcast<ProviderModelList[]>("catalog-lists", (fresh) => {
  publishLists(fresh);
  for (const list of fresh) recordAttempt(list.provider, null, new Date(list.fetchedAt));
});

/** Runs one refresh, or joins the one already running: two clicks should not fetch twice. */
export function refreshCatalog(): Promise<void> {
  const state = getCatalogState();
  state.inFlight ??= withSharedLock("catalog-refresh", LOCK_MS, runRefresh).then(() => undefined).finally(() => {
    state.inFlight = null;
  });
  return state.inFlight;
}

/** The providers a refresh asks: every configured one except the sandbox, whose models are built in. */
export function listRefreshableProviders(): ProviderConfig[] {
  return listConfiguredProviders().filter((p) => p.kind !== "sandbox");
}

async function runRefresh(): Promise<void> {
  const outcomes = await Promise.all(
    listRefreshableProviders().map(async (provider) => {
      try {
        return await fetchModelList(provider);
      } catch (error) {
        const message = error instanceof Error && error.message === NO_MODELS ? NO_MODELS : briefUpstreamStatus(error);
        // The log keeps the detail for the operator; the status page shows a short status, never an upstream's body.
        console.warn(`[catalog] refresh of ${provider.id} failed: ${describeError(error)}`);
        recordAttempt(provider.id, message);
        return null;
      }
    }),
  );
  const fresh = outcomes.filter((list): list is ProviderModelList => list !== null);
  if (fresh.length === 0) return;
  publishLists(fresh);
  for (const list of fresh) recordAttempt(list.provider, null, new Date(list.fetchedAt));
  await publishToOthers("catalog-lists", fresh);
  try {
    await writeCatalogCache(getCatalogCachePath(), [...getCatalogState().lists.values()]);
  } catch (error) {
    // The refreshed catalog is live in memory either way; only the next restart would miss it.
    console.warn("[catalog] could not save the refreshed catalog:", describeError(error));
  }
}

async function fetchModelList(provider: ProviderConfig): Promise<ProviderModelList> {
  const entries: unknown[] = [];
  // The SDK passes OpenRouter's extra fields (pricing, context_length, …) through on each object.
  for await (const model of getProviderClient(provider).models.list({ timeout: LIST_TIMEOUT_MS })) entries.push(model);
  const list = toProviderModelList(provider.id, entries, new Date());
  // An empty list is more likely an outage than a provider with no models: keep the last good one.
  if (list.ids.length === 0) throw new Error(NO_MODELS);
  return list;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 297)}…` : message;
}
