// Brings the database at DATABASE_URL up to this build's schema: what `npm start`,
// `npm run api`, `npm run keys` and `npm run db:migrate` run before anything else.
// Our own migrator rather than `prisma migrate deploy`: Prisma 6.19 cannot apply Postgres
// migrations offline, and the whole job — a table of what ran, a lock, one transaction per
// migration, refusing an unknown history — is ~150 lines for both databases.
import { databaseDialect, resolveDatabaseUrl, sqliteFile } from "./database-url";
import { migratePostgres } from "./migrate-postgres";
import { migrateSqlite } from "./migrate-sqlite";
import { readMigrations } from "./migrations";

export interface MigrateOptions {
  log?: (line: string) => void;
  /** Folder holding prisma/ (the working directory by default). */
  root?: string;
}

/** Applies what is pending and returns the names applied (none when up to date). */
export async function migrateDatabase(rawUrl: string | undefined, options: MigrateOptions = {}): Promise<string[]> {
  const url = resolveDatabaseUrl(rawUrl);
  const log = options.log ?? ((line: string) => console.log(line));
  const dialect = databaseDialect(url);
  const known = readMigrations(dialect, options.root);
  if (dialect === "postgres") return migratePostgres(url, known, log);
  const file = sqliteFile(url);
  if (file === ":memory:") throw new Error("An in-memory SQLite database cannot be migrated ahead of the app: use a file.");
  return migrateSqlite(file, known, log);
}
