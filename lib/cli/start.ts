// `npm start`: build when the sources are newer than the last build, apply migrations,
// then serve. One command from a fresh clone to a running app.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { exitGracefullyOnSignals } from "../server/graceful-shutdown";
import { startHttpServer } from "../server/http-server";
import { resolveDatabaseUrl } from "../db/database-url";
import { migrateDatabase } from "../db/migrate";
import { MigrationError } from "../db/migrations";
import { getEnv } from "../env";

const root = process.cwd();
const dev = process.argv.includes("--dev");

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[]) {
  execFileSync(command, args, { stdio: "inherit", cwd: root, env: process.env });
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = Math.max(...["app", "components", "lib", "public"].map((d) => newestMtime(path.join(root, d))));
  return sources > built;
}

async function main() {
  // Next.js would otherwise send anonymous telemetry to its servers during builds and runs;
  // nothing here may talk to hosts the operator did not configure.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const env = getEnv();
  process.env.DATABASE_URL = resolveDatabaseUrl(env.DATABASE_URL);
  const bin = path.join(root, "node_modules", ".bin");
  const generated = ["client", "client-postgres"].every((dir) => fs.existsSync(path.join(root, "node_modules", ".prisma", dir, "index.js")));
  if (!generated) run("npm", ["run", "db:generate"]);
  await migrateDatabase(process.env.DATABASE_URL);
  if (!dev && needsBuild()) run(path.join(bin, "next"), ["build"]);
  const server = await startHttpServer({ dev });
  console.log(`[switchyard] ready on ${server.url}`);
  exitGracefullyOnSignals(() => server.close());
}

main().catch((error) => {
  // A refused migration explains itself; a stack trace would only bury the explanation.
  console.error(error instanceof MigrationError ? `[switchyard] ${error.message}` : error);
  process.exit(1);
});
