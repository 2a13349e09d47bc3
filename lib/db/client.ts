// One PrismaClient per process, over the better-sqlite3 driver adapter.
// Kept on globalThis: Next bundles route handlers separately and dev mode reloads modules.
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseUrl } from "./database-url";
import { getEnv } from "../env";

const globalForDb = globalThis as unknown as { __switchyardDb?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForDb.__switchyardDb) {
    const adapter = new PrismaBetterSQLite3({ url: resolveDatabaseUrl(getEnv().DATABASE_URL) });
    globalForDb.__switchyardDb = new PrismaClient({ adapter });
  }
  return globalForDb.__switchyardDb;
}
