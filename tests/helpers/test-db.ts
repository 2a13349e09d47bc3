// A fresh database with the committed migrations applied, for one test file: an SQLite file
// by default, or — when TEST_DATABASE_URL points at a Postgres server (its maintenance
// database, e.g. postgres://postgres@127.0.0.1:5432/postgres) — a new Postgres database.
// Synchronous (the migrator runs in a child process) so tests can write
// `process.env.DATABASE_URL = createTestDatabase()`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL?.startsWith("postgres") ? process.env.TEST_DATABASE_URL : undefined;

export interface TestDatabaseOptions {
  /** A Postgres server to create the database on (default: TEST_DATABASE_URL's; none: SQLite). */
  postgresAdminUrl?: string;
  /** false: an empty database, for tests of the migrator itself. */
  migrate?: boolean;
}

export function createTestDatabase({ postgresAdminUrl = TEST_POSTGRES_URL, migrate = true }: TestDatabaseOptions = {}): string {
  const url = postgresAdminUrl ? undefined : `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-test-")), "test.db")}`;
  if (url && !migrate) return url;
  const created = execFileSync(path.join("node_modules", ".bin", "tsx"), [path.join("tests", "helpers", "create-test-database.ts")], {
    env: { ...process.env, DATABASE_URL: url ?? "", TEST_DATABASE_URL: postgresAdminUrl ?? "", SKIP_MIGRATE: migrate ? "" : "1", TEST_OWNER_PID: String(process.pid) },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  // A server database has no folder of its own: the files kept beside it (catalog cache, ledger
  // outbox) go to DATA_DIR, one per test file rather than the shared ./data.
  if (!url) process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-data-"));
  return url ?? created.trim().split("\n").at(-1)!;
}
