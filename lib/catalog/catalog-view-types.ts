// JSON shapes of GET /api/catalog and the refresh routes, shared by the route handlers and the models page.
import type { CatalogStatus } from "./refresh-types";

export type { CatalogStatus, ProviderRefreshStatus } from "./refresh-types";

export interface CatalogEndpointDto {
  provider: string;
  providerLabel: string;
  /** Whether this app can call it now (the provider has its key or base URL set). */
  configured: boolean;
  simulated: boolean;
  upstreamId: string;
  /** The chatroom's model id: `<providerId>/<upstreamId>`. */
  pickerId: string;
  /** USD per million tokens as exact decimal strings; null when unknown. */
  inputPerMillion: string | null;
  outputPerMillion: string | null;
  cachedPerMillion: string | null;
  contextLength: number | null;
  maxOutputTokens: number | null;
  free: boolean;
}

export interface CatalogModelDto {
  id: string;
  name: string;
  simulated: boolean;
  free: boolean;
  /** False for ids a provider lists that no catalog entry prices. */
  priceKnown: boolean;
  contextLength: number | null;
  maxOutputTokens: number | null;
  capabilities: { tools: boolean; vision: boolean; reasoning: boolean };
  /** Prices of the cheapest configured endpoint (or, with none configured, the cheapest listed). */
  inputPerMillion: string | null;
  outputPerMillion: string | null;
  cachedPerMillion: string | null;
  endpoints: CatalogEndpointDto[];
  /** The cheapest configured endpoint's picker id; null when no configured provider serves the model. */
  pickerId: string | null;
  /** With no configured endpoint: which environment variable(s) would enable one. */
  enableHint: string | null;
}

export interface CatalogProviderDto {
  id: string;
  label: string;
  configured: boolean;
  simulated: boolean;
}

export interface CatalogResponse {
  models: CatalogModelDto[];
  /** Models before filtering, so the page can say "12 of 74". */
  total: number;
  snapshotTakenAt: string;
  providers: CatalogProviderDto[];
}

export type CatalogStatusResponse = CatalogStatus;

export const CATALOG_SORTS = ["name", "price-asc", "price-desc", "context-desc"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
