// Snapshot ⊕ refreshed lists → the catalog the app reads. Pure, so it is tested without any network.
import { buildCatalogIndex, findEndpointIn, type CatalogIndex } from "./catalog-index";
import { catalogModelFromOpenRouter } from "./openrouter-entry";
import type { ProviderModelList, UnpricedModel } from "./refresh-types";
import type { CatalogModel, CatalogSnapshot } from "./types";

export interface MergedCatalog {
  takenAt: string;
  models: CatalogModel[];
  index: CatalogIndex;
  /** Ids a provider lists that nothing in the catalog prices. Kept out of the index: priceFor must not price them. */
  unpriced: UnpricedModel[];
}

/** Parses what a provider's GET /models returned. Only OpenRouter publishes prices with its list. */
export function toProviderModelList(provider: string, entries: unknown[], fetchedAt: Date): ProviderModelList {
  const ids: string[] = [];
  const models: CatalogModel[] = [];
  for (const entry of entries) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== "string" || id === "") continue;
    ids.push(id);
    if (provider === "openrouter") {
      const model = catalogModelFromOpenRouter(entry);
      if (model) models.push(model);
    }
  }
  return { provider, fetchedAt: fetchedAt.toISOString(), ids, models: provider === "openrouter" ? models : null };
}

export function mergeCatalog(snapshot: CatalogSnapshot, lists: ProviderModelList[]): MergedCatalog {
  const byId = new Map<string, CatalogModel>();
  for (const model of snapshot.models) byId.set(model.id.toLowerCase(), { ...model, endpoints: model.endpoints.slice() });

  // Full entries first, so id-only providers can match models OpenRouter just taught us about.
  for (const list of lists) {
    for (const fresh of list.models ?? []) {
      const existing = byId.get(fresh.id.toLowerCase());
      if (existing) byId.set(fresh.id.toLowerCase(), withFreshEndpoint(existing, fresh));
      else byId.set(fresh.id.toLowerCase(), fresh);
    }
  }
  const models = [...byId.values()];
  const index = buildCatalogIndex(models);

  const unpriced: UnpricedModel[] = [];
  for (const list of lists) {
    const priced = new Set((list.models ?? []).map((m) => m.id));
    for (const upstreamId of list.ids) {
      if (priced.has(upstreamId) || findEndpointIn(index, list.provider, upstreamId)) continue;
      unpriced.push({ provider: list.provider, upstreamId });
    }
  }
  return { takenAt: snapshot.takenAt, models, index, unpriced };
}

/**
 * A snapshot model updated with a live entry: the live endpoint replaces the snapshot's endpoint on the same
 * provider and id (prices move), and the live name, parameters and capabilities win, as the newer facts.
 * Other providers' endpoints are untouched: OpenRouter's list says nothing about them.
 */
function withFreshEndpoint(existing: CatalogModel, fresh: CatalogModel): CatalogModel {
  const endpoints = existing.endpoints.filter((e) => !fresh.endpoints.some((f) => f.provider === e.provider && f.upstreamId.toLowerCase() === e.upstreamId.toLowerCase()));
  return {
    ...existing,
    name: fresh.name,
    supportedParameters: fresh.supportedParameters.length ? fresh.supportedParameters : existing.supportedParameters,
    capabilities: fresh.supportedParameters.length ? fresh.capabilities : existing.capabilities,
    contextLength: Math.max(existing.contextLength, fresh.contextLength),
    maxOutputTokens: existing.maxOutputTokens ?? fresh.maxOutputTokens,
    endpoints: [...endpoints, ...fresh.endpoints],
  };
}
