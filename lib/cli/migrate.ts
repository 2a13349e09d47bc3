// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (SQLite or Postgres)
// and exits; `npm start` and `npm run api` do the same before they listen.
import { migrateDatabase } from "../db/migrate";
import { getEnv } from "../env";

migrateDatabase(getEnv().DATABASE_URL).then(
  (applied) => {
    console.log(applied.length > 0 ? `[migrate] applied ${applied.length} migration(s)` : "[migrate] the database is up to date");
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
