// One PrismaClient per process: over better-sqlite3 for `file:` URLs, over node-postgres for
// `postgres://` ones. Prisma generates one client per provider (prisma/schema.prisma and
// prisma/postgres/schema.prisma, the same models), and a client generated for SQLite cannot
// take the Postgres adapter; both have the same API, so callers see one type.
// One per process (process-singleton.ts): Next bundles routes separately, dev mode reloads modules.
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import { databaseDialect, resolveDatabaseUrl, type Dialect } from "./database-url";
import { postgresPoolConfig } from "./postgres-connection";
import { getEnv } from "../env";
import { peekProcessSingleton, processSingleton } from "../process-singleton";

type OpenedDb = { client: PrismaClient; dialect: Dialect };

export function getDb(): PrismaClient {
  return processSingleton("db-client", (): OpenedDb => {
    const url = resolveDatabaseUrl(getEnv().DATABASE_URL);
    const dialect = databaseDialect(url);
    return { client: dialect === "postgres" ? postgresClient(url) : sqliteClient(url), dialect };
  }).client;
}

/** The dialect of the database getDb() talks to (raw SQL differs in a few places). */
export function getDialect(): Dialect {
  return peekProcessSingleton<OpenedDb>("db-client")?.dialect ?? databaseDialect(resolveDatabaseUrl(getEnv().DATABASE_URL));
}

/** Closes the client if getDb() opened one, without opening one to close (a CLI about to exit). */
export async function disconnectDbIfOpened(): Promise<void> {
  await peekProcessSingleton<OpenedDb>("db-client")?.client.$disconnect();
}

function sqliteClient(url: string): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  // WAL lets readers run during writes; NORMAL sync skips an fsync per commit (still
  // crash-safe for the database, at worst losing the last commits on power loss).
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => {});
  void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
  void client.$queryRawUnsafe("PRAGMA busy_timeout = 5000").catch(() => {});
  return client;
}

function postgresClient(url: string): PrismaClient {
  // Loaded at run time from node_modules (not bundled by Next, not loaded for SQLite): the
  // generated client lives in node_modules/.prisma/client-postgres (`npm run db:generate`).
  const load = createRequire(path.join(process.cwd(), "package.json"));
  const { PrismaPg: Adapter } = load("@prisma/adapter-pg") as { PrismaPg: typeof PrismaPg };
  const { PrismaClient: PostgresClient } = load(".prisma/client-postgres") as { PrismaClient: new (options: { adapter: PrismaPg }) => unknown };
  return new PostgresClient({ adapter: new Adapter(postgresPoolConfig(url)) }) as PrismaClient;
}
