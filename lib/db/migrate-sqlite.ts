// Applies the SQLite migrations on a connection of its own. Each migration runs in a
// `BEGIN IMMEDIATE` transaction — SQLite's write lock, held across processes — that first
// reads what ran: two instances starting together apply each migration once, and a
// migration that fails leaves nothing behind.
import Database from "better-sqlite3";
import { ROLLUP_TRIGGERS } from "./usage-rollup-triggers";
import { MIGRATIONS_TABLE, MigrationError, checkTriggers, pendingMigrations, type AppliedMigration, type Migration } from "./migrations";

/** How long to wait for another process's write (an app running, another instance migrating). */
const BUSY_TIMEOUT_MS = 60_000;

export function migrateSqlite(file: string, known: Migration[], log: (line: string) => void): string[] {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Prisma's SQLite migrations rebuild a table by copying it and dropping the original. With
    // foreign keys enforced, that DROP would cascade-delete every row that refers to it; they are
    // checked once at the end of each migration instead (this pragma only works outside a transaction).
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    for (;;) {
      const next = db.transaction(() => applyNext(db, known, log)).immediate();
      if (!next) break;
      applied.push(next);
    }
    const triggers = db.prepare(`SELECT "name" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Generation'`).pluck().all() as string[];
    checkTriggers(ROLLUP_TRIGGERS.sqlite, triggers);
    return applied;
  } finally {
    db.close();
  }
}

/** Inside the write lock: applies the first migration still pending and returns its name. */
function applyNext(db: Database.Database, known: Migration[], log: (line: string) => void): string | null {
  const [migration] = pendingMigrations(known, readApplied(db), log);
  if (!migration) return null;
  log(`[migrate] applying ${migration.name}`);
  db.exec(migration.sql);
  const broken = db.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) throw new MigrationError(`${migration.name} leaves ${broken.length} rows whose foreign keys point nowhere; nothing was applied.`);
  db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`).run(migration.name, migration.checksum, new Date().toISOString());
  return migration.name;
}

function readApplied(db: Database.Database): AppliedMigration[] {
  const exists = (table: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
  if (!exists(MIGRATIONS_TABLE)) {
    db.exec(`CREATE TABLE "${MIGRATIONS_TABLE}" ("name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`);
    // Databases migrated by `prisma migrate deploy` (before this migrator) keep their history.
    if (exists("_prisma_migrations")) {
      db.exec(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt")
        SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations"
        WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL
        GROUP BY "migration_name"`);
    }
  }
  return db.prepare(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`).all() as AppliedMigration[];
}
