// Run by test-db.ts in a child process: with TEST_DATABASE_URL, creates a new Postgres
// database (dropping those left by test processes that are gone) and prints its URL; then
// applies the migrations to it, or to DATABASE_URL (an SQLite file).
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate";

const PREFIX = "switchyard_test_";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function createPostgresDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(PREFIX.length).split("_")[0]);
      if (pid && !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
    const name = `${PREFIX}${process.env.TEST_OWNER_PID ?? process.ppid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  } finally {
    await admin.end();
  }
}

async function main() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const url = adminUrl ? await createPostgresDatabase(adminUrl) : process.env.DATABASE_URL!;
  if (!process.env.SKIP_MIGRATE) await migrateDatabase(url, { log: () => {} });
  if (adminUrl) console.log(url);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
