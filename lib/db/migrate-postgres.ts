// Applies the Postgres migrations. A session advisory lock makes instances that start
// together take turns: the first applies what is pending, the others then find nothing to do.
// Each migration and its record commit in one transaction (Postgres DDL is transactional).
import pg from "pg";
import { ROLLUP_TRIGGERS } from "./usage-rollup-triggers";
import { MIGRATIONS_TABLE, checkTriggers, pendingMigrations, type AppliedMigration, type Migration } from "./migrations";
import { postgresPoolConfig } from "./postgres-connection";

/** pg_advisory_lock key: any constant that nothing else in the database uses. */
const MIGRATION_LOCK_KEY = 0x5357_4d49; // "SWMI"

export async function migratePostgres(url: string, known: Migration[], log: (line: string) => void): Promise<string[]> {
  const client = new pg.Client(postgresPoolConfig(url));
  await client.connect();
  try {
    // Migrations print NOTICEs ("relation already exists, skipping"): not worth a log line.
    client.on("notice", () => {});
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const { rows } = await client.query<AppliedMigration>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
      const applied: string[] = [];
      for (const migration of pendingMigrations(known, rows, log)) {
        log(`[migrate] applying ${migration.name}`);
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [migration.name, migration.checksum]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw Object.assign(new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`), { cause: error });
        }
        applied.push(migration.name);
      }
      const triggers = await client.query<{ name: string }>(`SELECT tgname AS name FROM pg_trigger WHERE tgrelid = '"Generation"'::regclass`);
      checkTriggers(ROLLUP_TRIGGERS.postgres, triggers.rows.map((row) => row.name));
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
