// How every Postgres connection of the app is opened (Prisma's pool, the migrator, the hot
// writer): sessions in UTC, so `timestamp` columns (what Prisma's DateTime maps to) hold UTC
// whatever the server's time zone, and a dead server is noticed in seconds, not minutes.
import type { PoolConfig } from "pg";

export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Session settings. JIT off: compiling a dashboard query costs more (~0.4 s measured) than
 * running it. work_mem 32 MB: grouping a month of usage by conversation hashes in memory
 * instead of spilling to disk. Settings in the URL's own `options` come after, so they win.
 */
const SESSION_OPTIONS = "-c TimeZone=UTC -c jit=off -c work_mem=32MB";

export function postgresPoolConfig(url: string, extra: PoolConfig = {}): PoolConfig {
  const own = new URL(url).searchParams.get("options");
  return {
    connectionString: url,
    options: own ? `${SESSION_OPTIONS} ${own}` : SESSION_OPTIONS,
    application_name: "switchyard",
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    ...extra,
  };
}
