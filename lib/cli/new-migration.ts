// `npm run db:new-migration -- <name> [--empty]`: writes the migration that takes the
// committed schema (git HEAD) to the working one, twice under one name — SQLite in
// prisma/migrations/<stamp>_<name>/, Postgres in prisma/postgres/migrations/<stamp>_<name>/ —
// and regenerates prisma/postgres/schema.prisma. `prisma migrate diff` writes both offline
// (`migrate dev` would need a shadow database). `--empty` writes two files to fill in by hand
// (data changes, triggers, anything the schema cannot say).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationsDirectory } from "../db/migrations";
import { POSTGRES_SCHEMA_PATH, SQLITE_SCHEMA_PATH, postgresSchemaFrom } from "../db/postgres-schema";
import { sqliteRollupTriggers } from "../db/usage-rollup-triggers";

const args = process.argv.slice(2);
const empty = args.includes("--empty");
const name = (args.find((a) => !a.startsWith("--")) ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name> [--empty]");
  process.exit(2);
}

const prisma = path.join("node_modules", ".bin", "prisma");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-migration-"));

function committedSchema(): string | null {
  try {
    return execFileSync("git", ["show", `HEAD:${SQLITE_SCHEMA_PATH}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null; // No committed schema yet: the first migration starts from an empty database.
  }
}

/** The SQL from one schema text to another (null: from an empty database). */
function diff(from: string | null, to: string, label: string): string {
  const write = (suffix: string, text: string) => {
    const file = path.join(tmp, `${label}-${suffix}.prisma`);
    fs.writeFileSync(file, text);
    return file;
  };
  const source = from === null ? ["--from-empty"] : ["--from-schema-datamodel", write("from", from)];
  return execFileSync(prisma, ["migrate", "diff", ...source, "--to-schema-datamodel", write("to", to), "--script"], { encoding: "utf8" });
}

const changes = (sql: string) => /\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/.test(sql);

const working = fs.readFileSync(SQLITE_SCHEMA_PATH, "utf8");
const old = committedSchema();
fs.writeFileSync(POSTGRES_SCHEMA_PATH, postgresSchemaFrom(working));

let sqlite: string;
let postgres: string;
if (empty) {
  sqlite = `-- ${name} (SQLite): write the statements here; the Postgres twin must do the same.\n`;
  postgres = `-- ${name} (Postgres): write the statements here; the SQLite twin must do the same.\n`;
} else {
  sqlite = diff(old, working, "sqlite");
  postgres = diff(old === null ? null : postgresSchemaFrom(old), postgresSchemaFrom(working), "postgres");
  if (!changes(sqlite) && !changes(postgres)) {
    console.log("The schema has not changed since HEAD: no migration written (use --empty for one written by hand).");
    process.exit(0);
  }
  // SQLite rebuilds a table to change a column: the copy has no triggers, so put them back.
  if (/DROP TABLE "Generation"/.test(sqlite)) {
    sqlite += `\n-- "Generation" was rebuilt above, which dropped its usage-rollup triggers: re-create them.\n${sqliteRollupTriggers()}\n`;
  }
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
for (const [dialect, sql] of [["sqlite", sqlite], ["postgres", postgres]] as const) {
  const dir = path.join(migrationsDirectory(dialect), folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
console.log(`Review both, run \`npm run db:generate\` if the models changed, and commit them with the schema.`);
