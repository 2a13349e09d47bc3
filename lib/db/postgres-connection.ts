// How every Postgres connection of the app is opened (Prisma's pool, the migrator, the hot
// writer): sessions in UTC, so `timestamp` columns (what Prisma's DateTime maps to) hold UTC
// whatever the server's time zone, and a dead server is noticed in seconds, not minutes.
import type { PoolConfig } from "pg";

export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

export function postgresPoolConfig(url: string, extra: PoolConfig = {}): PoolConfig {
  return {
    connectionString: url,
    options: "-c TimeZone=UTC",
    application_name: "switchyard",
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    ...extra,
  };
}
