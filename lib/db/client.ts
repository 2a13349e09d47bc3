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
    const client = new PrismaClient({ adapter });
    // WAL lets readers run during writes; NORMAL sync skips an fsync per commit (still
    // crash-safe for the database, at worst losing the last commits on power loss).
    void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => {});
    void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
    void client.$queryRawUnsafe("PRAGMA busy_timeout = 5000").catch(() => {});
    globalForDb.__switchyardDb = client;
  }
  return globalForDb.__switchyardDb;
}
