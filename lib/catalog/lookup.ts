// Finds catalog models and endpoints by id, in the current catalog (snapshot ⊕ last refresh). Each catalog
// version carries its own prebuilt indexes: callers are on the token path.
import { findEndpointIn, getModelIn, type EndpointMatch } from "./catalog-index";
import { getCurrentCatalog } from "./current-catalog";
import type { UnpricedModel } from "./refresh-types";
import type { CatalogEndpoint, CatalogModel } from "./types";

export type { EndpointMatch } from "./catalog-index";

export function listCatalogModels(): CatalogModel[] {
  return getCurrentCatalog().models.slice();
}

export function getCatalogModel(id: string): CatalogModel | undefined {
  return getModelIn(getCurrentCatalog().index, id);
}

/** Endpoints with a known price on one provider. Ids it lists without a price are in listUnpricedModels. */
export function listEndpointsForProvider(provider: string): CatalogEndpoint[] {
  return (getCurrentCatalog().index.byProvider.get(provider.toLowerCase()) ?? []).slice();
}

/** See catalog-index.ts for the matching rules (case, path prefixes, dated snapshots). */
export function findEndpoint(provider: string, upstreamId: string): EndpointMatch | undefined {
  return findEndpointIn(getCurrentCatalog().index, provider, upstreamId);
}

/** Models configured providers listed at the last refresh that no catalog entry prices. */
export function listUnpricedModels(provider?: string): UnpricedModel[] {
  const all = getCurrentCatalog().unpriced;
  return provider ? all.filter((m) => m.provider === provider.toLowerCase()) : all.slice();
}
