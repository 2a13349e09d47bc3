// The catalog every lookup reads: the bundled snapshot merged with the last good refresh. Synchronous,
// because prices are read on the token path; refreshing happens beside it and swaps the whole catalog.
import { getMergedCatalog } from "./catalog-state";
import type { MergedCatalog } from "./merge-catalog";
import { ensureCatalogSchedule } from "./refresh-schedule";

export function getCurrentCatalog(): MergedCatalog {
  const catalog = getMergedCatalog();
  ensureCatalogSchedule();
  return catalog;
}
