// The scheduled refresh: started on first catalog use, on timers that never keep the process alive.
import { getCatalogState } from "./catalog-state";
import { listRefreshableProviders, refreshCatalog } from "./refresh-catalog";
import { getCatalogRefreshHours } from "./refresh-settings";

const FIRST_REFRESH_DELAY_MS = 5_000;
/** Node fires longer timeouts at once instead of late, so long intervals are capped (about 24 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Starts the schedule once per process. The first run waits until the oldest cached list is due. */
export function ensureCatalogSchedule(): void {
  const state = getCatalogState();
  if (state.scheduled) return;
  state.scheduled = true;
  let hours: number | null;
  try {
    hours = getCatalogRefreshHours();
  } catch (error) {
    console.warn("[catalog] refresh schedule not started:", error instanceof Error ? error.message : error);
    return;
  }
  if (hours === null) return;
  const intervalMs = Math.min(hours * 3_600_000, MAX_TIMER_MS);
  const run = () => void refreshCatalog().catch((error) => console.warn("[catalog] scheduled refresh failed:", error));
  const first = setTimeout(() => {
    run();
    const every = setInterval(run, intervalMs);
    every.unref();
    state.timers.push(every);
  }, firstDelayMs(intervalMs));
  first.unref();
  state.timers.push(first);
}

/** Soon when a configured provider has no fresh list (new key, or never refreshed); else when one falls due. */
function firstDelayMs(intervalMs: number): number {
  const state = getCatalogState();
  let due = Number.POSITIVE_INFINITY;
  try {
    for (const provider of listRefreshableProviders()) {
      const fetched = state.lists.get(provider.id)?.fetchedAt;
      due = Math.min(due, fetched ? Date.parse(fetched) + intervalMs : 0);
    }
  } catch {
    due = 0;
  }
  if (!Number.isFinite(due)) return intervalMs;
  return Math.min(Math.max(due - Date.now(), FIRST_REFRESH_DELAY_MS), intervalMs);
}
