// Shapes of a catalog refresh: what one provider's GET /models gave us, and how each provider's last refresh went.
import type { CatalogModel } from "./types";

/** One provider's model list as last fetched successfully. */
export interface ProviderModelList {
  provider: string;
  /** ISO time of the successful fetch. */
  fetchedAt: string;
  /** Every model id the provider listed, in its order. */
  ids: string[];
  /** Full entries with prices (OpenRouter publishes them); null for providers that list ids only. */
  models: CatalogModel[] | null;
}

/** A model a provider serves that the catalog has no price for: callable, but its cost shows as unknown. */
export interface UnpricedModel {
  provider: string;
  upstreamId: string;
}

export interface ProviderRefreshStatus {
  provider: string;
  label: string;
  configured: boolean;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** The last attempt's error; null once an attempt succeeds again. */
  lastError: string | null;
  /** Models listed by the last successful refresh. */
  modelCount: number;
  unpricedCount: number;
}

export interface CatalogStatus {
  snapshotTakenAt: string;
  /** Hours between scheduled refreshes; null when the schedule is off. */
  refreshHours: number | null;
  refreshing: boolean;
  providers: ProviderRefreshStatus[];
}
