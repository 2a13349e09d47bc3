// Settings of the catalog refresh, read from the environment through lib/env.ts.
import path from "node:path";
import { getEnv, readEnvVar } from "../env";
import { DEFAULT_DATABASE_URL, dataDirectory } from "../db/database-url";

export const DEFAULT_REFRESH_HOURS = 6;

/**
 * Hours between scheduled refreshes (CATALOG_REFRESH_HOURS, default 6); null when set to 0 (schedule off).
 * A value that is not a number falls back to the default with a warning, rather than failing the catalog:
 * lookups price every call, and a typo in a schedule should not stop them.
 */
export function getCatalogRefreshHours(): number | null {
  const raw = readEnvVar("CATALOG_REFRESH_HOURS");
  if (raw === undefined) return DEFAULT_REFRESH_HOURS;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours < 0) {
    console.warn(`[catalog] CATALOG_REFRESH_HOURS=${JSON.stringify(raw)} is not a number of hours; using ${DEFAULT_REFRESH_HOURS}`);
    return DEFAULT_REFRESH_HOURS;
  }
  return hours === 0 ? null : hours;
}

/**
 * The refreshed catalog lives next to the SQLite file, so it shares its volume and survives restarts.
 * A server database (Postgres) has no folder: then DATA_DIR (./data) is used. An in-memory database keeps nothing.
 */
export function getCatalogCachePath(): string | null {
  const dir = dataDirectory(getEnv().DATABASE_URL?.trim() || DEFAULT_DATABASE_URL, getEnv().DATA_DIR);
  return dir === null ? null : path.join(dir, CACHE_FILE);
}

const CACHE_FILE = "catalog-cache.json";
