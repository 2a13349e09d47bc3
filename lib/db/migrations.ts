// The committed migrations: one folder per migration under prisma/migrations (SQLite) and
// prisma/postgres/migrations (Postgres), the same names in both, applied in name order.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Dialect } from "./database-url";

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of the file, as Prisma recorded it in _prisma_migrations. */
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** The table that records what ran (both providers). */
export const MIGRATIONS_TABLE = "_switchyard_migrations";

export function migrationsDirectory(dialect: Dialect, root = process.cwd()): string {
  return dialect === "postgres" ? path.join(root, "prisma", "postgres", "migrations") : path.join(root, "prisma", "migrations");
}

export function migrationNames(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export function readMigrations(dialect: Dialect, root = process.cwd()): Migration[] {
  const dir = migrationsDirectory(dialect, root);
  return migrationNames(dir).map((name) => {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}

export class MigrationError extends Error {}

/** After migrating: the usage rollups are only right while their triggers exist. */
export function checkTriggers(expected: string[], present: string[]): void {
  const missing = expected.filter((name) => !present.includes(name));
  if (missing.length > 0) {
    throw new MigrationError(
      `The usage-rollup triggers ${missing.join(", ")} are missing on "Generation" (a migration that rebuilt the table dropped them). ` +
        "Add the CREATE TRIGGER statements of lib/db/usage-rollup-triggers.ts to that migration, and rebuild the rollups in it.",
    );
  }
}

/**
 * What to apply, in order. Refuses a database that has migrations this build does not know:
 * a newer Switchyard migrated it, and this build's code may not fit its schema.
 */
export function pendingMigrations(known: Migration[], applied: AppliedMigration[], warn: (line: string) => void = console.warn): Migration[] {
  const names = new Set(known.map((m) => m.name));
  const unknown = applied.filter((m) => !names.has(m.name)).map((m) => m.name);
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this build of Switchyard does not know: ${unknown.join(", ")}. ` +
        "A newer version migrated it; run that version (or restore a backup taken before it).",
    );
  }
  const done = new Map(applied.map((m) => [m.name, m.checksum]));
  for (const m of known) {
    const checksum = done.get(m.name);
    if (checksum && checksum !== m.checksum) warn(`[migrate] ${m.name} was changed after it was applied; the database keeps what ran then.`);
  }
  return known.filter((m) => !done.has(m.name));
}
