// Where the data lives: an SQLite file (`file:…`, the default) or a Postgres server
// (`postgres://…` / `postgresql://…`). Kept free of other imports: prisma.config.ts loads it too.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/switchyard.db";

export type Dialect = "sqlite" | "postgres";

/** Which database a URL names; anything that is not a Postgres URL is an SQLite file. */
export function databaseDialect(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url.trim()) ? "postgres" : "sqlite";
}

/** DATABASE_URL (or the default); for SQLite, with its folder created so the file can be opened. */
export function resolveDatabaseUrl(raw: string | undefined = process.env.DATABASE_URL): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (databaseDialect(url) === "postgres") return url;
  const file = sqliteFile(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  return url;
}

/** The absolute path of an SQLite URL's file (or ":memory:"). */
export function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "");
  return file === ":memory:" || file === "" ? ":memory:" : path.resolve(file);
}

/**
 * The folder for files that belong with the data (catalog cache, ledger outbox): next to the
 * SQLite file, so they share its volume; for a server database DATA_DIR (default ./data);
 * null in memory.
 */
export function dataDirectory(url: string, dataDir?: string): string | null {
  if (databaseDialect(url) === "postgres") return path.resolve(dataDir ?? "data");
  const file = sqliteFile(url);
  return file === ":memory:" ? null : path.dirname(file);
}
