// Indexes over a list of catalog models, and the endpoint matching rules. Pure: the current catalog
// builds one index per version, and a refresh builds one to match a provider's ids before publishing.
import type { CatalogEndpoint, CatalogModel } from "./types";

export interface EndpointMatch {
  model: CatalogModel;
  endpoint: CatalogEndpoint;
}

export interface CatalogIndex {
  models: CatalogModel[];
  byId: Map<string, CatalogModel>;
  byIdLower: Map<string, CatalogModel>;
  byProvider: Map<string, CatalogEndpoint[]>;
  exact: Map<string, EndpointMatch>;
  lower: Map<string, EndpointMatch>;
  /** Last path segment of the upstream id; null marks a segment two endpoints share, which must not match. */
  tail: Map<string, EndpointMatch | null>;
}

export function buildCatalogIndex(models: CatalogModel[]): CatalogIndex {
  const built: CatalogIndex = { models, byId: new Map(), byIdLower: new Map(), byProvider: new Map(), exact: new Map(), lower: new Map(), tail: new Map() };
  for (const model of models) {
    built.byId.set(model.id, model);
    built.byIdLower.set(model.id.toLowerCase(), model);
    for (const endpoint of model.endpoints) {
      const provider = endpoint.provider.toLowerCase();
      const match = { model, endpoint };
      const list = built.byProvider.get(provider) ?? [];
      list.push(endpoint);
      built.byProvider.set(provider, list);
      built.exact.set(key(provider, endpoint.upstreamId), match);
      built.lower.set(key(provider, endpoint.upstreamId.toLowerCase()), match);
      const tailKey = key(provider, lastSegment(endpoint.upstreamId));
      built.tail.set(tailKey, built.tail.has(tailKey) ? null : match);
    }
  }
  return built;
}

export function getModelIn(index: CatalogIndex, id: string): CatalogModel | undefined {
  return index.byId.get(id) ?? index.byIdLower.get(id.toLowerCase());
}

/**
 * The catalog entry for a model id as one provider knows it. Tries, in order: the exact id; the id in any
 * case; the id without a path prefix ("models/gemini-2.5-flash" → "gemini-2.5-flash", or a bare Fireworks
 * slug for "accounts/fireworks/models/…"); then all of those again without a trailing date, because
 * providers answer with dated snapshots ("gpt-4o-mini-2024-07-18") of the undated ids we list.
 */
export function findEndpointIn(index: CatalogIndex, provider: string, upstreamId: string): EndpointMatch | undefined {
  const p = provider.toLowerCase();
  const undated = stripDateSuffix(upstreamId);
  const attempts = undated === upstreamId ? [upstreamId] : [upstreamId, undated];
  for (const id of attempts) {
    const found = matchOne(index, p, id);
    if (found) return found;
  }
  return undefined;
}

function matchOne(index: CatalogIndex, provider: string, upstreamId: string): EndpointMatch | undefined {
  return (
    index.exact.get(key(provider, upstreamId)) ??
    index.lower.get(key(provider, upstreamId.toLowerCase())) ??
    index.tail.get(key(provider, lastSegment(upstreamId))) ??
    undefined
  );
}

const DATE_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{2}-\d{4})$/;

/** "gpt-4o-mini-2024-07-18" → "gpt-4o-mini"; also YYYYMMDD and Gemini's "-09-2025" style. */
function stripDateSuffix(id: string): string {
  return id.replace(DATE_SUFFIX, "");
}

function lastSegment(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1).toLowerCase();
}

function key(provider: string, id: string): string {
  return `${provider}\u0000${id}`;
}
