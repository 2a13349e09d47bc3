// The migrator (lib/db/migrate.ts) on the test's database — SQLite, or Postgres with
// TEST_DATABASE_URL: it applies each committed migration once and records it, two instances
// starting together apply it once, it refuses a database migrated by a newer build, and the
// committed migrations build exactly the schema prisma/schema.prisma describes.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { dbTime } from "@/lib/db/db-time";
import { migrateDatabase } from "@/lib/db/migrate";
import { MIGRATIONS_TABLE, migrationNames, migrationsDirectory, readMigrations } from "@/lib/db/migrations";
import { TEST_POSTGRES_URL, createTestDatabase } from "../helpers/test-db";

const dialect = TEST_POSTGRES_URL ? "postgres" : "sqlite";
const known = migrationNames(migrationsDirectory(dialect));
const quiet = { log: () => {} };

/** Plain SQL on a database of either kind, outside the app. */
async function withSql<T>(url: string, work: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  if (dialect === "postgres") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(async (sql, params) => (await client.query(sql, params)).rows);
    } finally {
      await client.end();
    }
  }
  const db = new Database(url.replace(/^file:/, ""));
  try {
    return await work(async (sql, params = []) => {
      const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
      return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
    });
  } finally {
    db.close();
  }
}

describe(`migrator (${dialect})`, () => {
  it("applies every migration once, in order, and records it", async () => {
    const url = createTestDatabase({ migrate: false });
    expect(await migrateDatabase(url, quiet)).toEqual(known);
    expect(await migrateDatabase(url, quiet)).toEqual([]);
    const rows = await withSql(url, (q) => q(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`));
    expect(rows).toEqual(readMigrations(dialect).map(({ name, checksum }) => ({ name, checksum })));
  });

  it("two instances starting together apply each migration once", async () => {
    const url = createTestDatabase({ migrate: false });
    const run = () => promisify(execFile)(path.join("node_modules", ".bin", "tsx"), [path.join("lib", "cli", "migrate.ts")], { env: { ...process.env, DATABASE_URL: url } });
    const outputs = await Promise.all([run(), run(), run()]);
    const applied = outputs.flatMap(({ stdout }) => stdout.split("\n").filter((line) => line.startsWith("[migrate] applying ")));
    expect(applied.sort()).toEqual(known.map((name) => `[migrate] applying ${name}`));
    const [{ n }] = await withSql(url, (q) => q(`SELECT COUNT(*) AS n FROM "${MIGRATIONS_TABLE}"`));
    expect(Number(n)).toBe(known.length);
  }, 60_000);

  it("refuses a database that has migrations this build does not know", async () => {
    const url = createTestDatabase();
    await withSql(url, (q) => q(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES ($1, $2, $3)`, ["29990101000000_from_the_future", "x", new Date().toISOString()]));
    await expect(migrateDatabase(url, quiet)).rejects.toThrow(/does not know: 29990101000000_from_the_future/);
  });

  it("builds exactly the schema prisma/schema.prisma describes", async () => {
    const migrated = createTestDatabase();
    const fromSchema = createTestDatabase({ migrate: false });
    const schema = dialect === "postgres" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma";
    const script = execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], { encoding: "utf8" });
    if (dialect === "postgres") await withSql(fromSchema, (q) => q(script));
    else new Database(fromSchema.replace(/^file:/, "")).exec(script);
    expect(await describeSchema(migrated)).toEqual(await describeSchema(fromSchema));
  }, 60_000);
});

/** Tables, columns and indexes, in a form both ways of building the schema can be compared by. */
async function describeSchema(url: string): Promise<string[]> {
  return withSql(url, async (q) => {
    if (dialect === "postgres") {
      const columns = await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> $1`, [MIGRATIONS_TABLE]);
      const indexes = await q(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1`, [MIGRATIONS_TABLE]);
      const keys = await q(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u') AND conrelid::regclass::text <> $1`, [MIGRATIONS_TABLE]);
      return [...columns, ...indexes, ...keys].map((row) => JSON.stringify(row)).sort();
    }
    const tables = (await q(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> $1`, [MIGRATIONS_TABLE])).map((row) => String(row.name));
    const lines: string[] = [];
    for (const table of tables) {
      for (const c of await q(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info($1)`, [table])) lines.push(JSON.stringify({ table, ...c }));
      for (const i of await q(`SELECT name, "unique", origin FROM pragma_index_list($1)`, [table])) {
        const cols = (await q(`SELECT name FROM pragma_index_info($1)`, [String(i.name)])).map((row) => row.name);
        lines.push(JSON.stringify({ table, index: i.origin === "pk" ? "(primary key)" : i.name, unique: i.unique, cols }));
      }
      for (const f of await q(`SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list($1)`, [table])) lines.push(JSON.stringify({ table, fk: f }));
    }
    return lines.sort();
  });
}

describe.skipIf(dialect !== "sqlite")("migrator on a database `prisma migrate deploy` migrated", () => {
  it("keeps its history and data, applies only what is new, and fills the rollups from the existing ledger", async () => {
    const url = createTestDatabase({ migrate: false });
    const db = new Database(url.replace(/^file:/, ""));
    const old = readMigrations("sqlite").filter((m) => m.name <= "20261123190000_accounts");
    db.pragma("foreign_keys = OFF");
    db.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
      "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    for (const [i, m] of old.entries()) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (?, ?, ?, ?, 1)`).run(`m${i}`, m.checksum, Date.now(), m.name);
    }
    const now = dbTime();
    db.prepare(`INSERT INTO "User" ("id", "email", "name", "createdAt") VALUES ('u1', 'old@example.com', 'Old', ?)`).run(now);
    const insert = db.prepare(`INSERT INTO "Generation" ("id", "userId", "source", "conversationId", "requestedModel", "modelId", "provider", "upstreamModel", "status", "costPico", "completionTokens", "createdAt")
      VALUES (?, 'u1', 'chat', 'c1', 'm', 'p/m', 'p', 'm', 'done', ?, 3, ?)`);
    for (let i = 0; i < 50; i++) insert.run(`g${i}`, 1_000_000_007 * i, dbTime(Date.now() - i * 3_600_000));
    db.close();

    const applied = await migrateDatabase(url, quiet);
    expect(applied).toEqual(known.filter((name) => name > "20261123190000_accounts"));
    await withSql(url, async (q) => {
      expect(await q(`SELECT COUNT(*) AS n FROM "Generation"`)).toEqual([{ n: 50 }]);
      const ledger = await q(`SELECT CAST(SUM("costPico") AS TEXT) AS cost, COUNT(*) AS n FROM "Generation"`);
      for (const table of ["UsageHourlyRollup", "UsageDailyModelRollup", "UsageConversationRollup"]) {
        expect(await q(`SELECT CAST(SUM("costPico") AS TEXT) AS cost, SUM("requests") AS n FROM "${table}"`), table).toEqual(ledger);
      }
    });
  });

  it("refuses to finish when a migration dropped the rollup triggers", async () => {
    const url = createTestDatabase();
    new Database(url.replace(/^file:/, "")).exec(`DROP TRIGGER "Generation_usage_update"`);
    await expect(migrateDatabase(url, quiet)).rejects.toThrow(/Generation_usage_update are missing/);
  });
});

it("both providers have the same migrations, and the Postgres schema is the SQLite one's twin", async () => {
  const { POSTGRES_SCHEMA_PATH, SQLITE_SCHEMA_PATH, postgresSchemaFrom } = await import("@/lib/db/postgres-schema");
  expect(migrationNames(migrationsDirectory("postgres"))).toEqual(migrationNames(migrationsDirectory("sqlite")));
  expect(fs.readFileSync(POSTGRES_SCHEMA_PATH, "utf8")).toBe(postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA_PATH, "utf8")));
});
