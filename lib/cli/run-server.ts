// What `npm start` and `npm run api` both do before serving: one command from a fresh clone to
// a running server — build the pages when their sources are newer than the last build (pages
// only), apply the migrations (our own migrator, lib/db/migrate.ts), serve, and stop gracefully on SIGTERM / SIGINT.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl } from "../db/database-url";
import { migrateDatabase } from "../db/migrate";
import { MigrationError } from "../db/migrations";
import { getEnv } from "../env";
import type { RunningServer } from "../server/app-server";
import { exitGracefullyOnSignals } from "../server/graceful-shutdown";

const root = process.cwd();

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

/** How a CLI reports a failed start: a refused migration explains itself; a stack trace would only bury it. */
export function reportStartFailure(error: unknown): never {
  console.error(error instanceof MigrationError ? `[switchyard] ${error.message}` : error);
  process.exit(1);
}

export async function runServer(options: { pages: boolean; dev?: boolean; migrate?: boolean }): Promise<void> {
  // Next.js would otherwise send anonymous telemetry to its servers during builds and runs;
  // nothing here may talk to hosts the operator did not configure.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const env = getEnv();
  process.env.DATABASE_URL = resolveDatabaseUrl(env.DATABASE_URL);
  const bin = path.join(root, "node_modules", ".bin");
  const generated = ["client", "client-postgres"].every((dir) => fs.existsSync(path.join(root, "node_modules", ".prisma", dir, "index.js")));
  if (!generated) run("npm", ["run", "db:generate"]);
  if (options.migrate !== false) await migrateDatabase(process.env.DATABASE_URL);
  let server: RunningServer;
  if (options.pages) {
    if (!options.dev && needsBuild()) run(path.join(bin, "next"), ["build"]);
    const { startHttpServer } = await import("../server/http-server");
    server = await startHttpServer({ dev: options.dev });
    console.log(`[switchyard] ready on ${server.url}`);
  } else {
    const { startApiServer } = await import("../server/api-server");
    server = await startApiServer({ port: env.PORT, host: env.HOST });
    console.log(`[switchyard] API ready on ${server.url}/api/v1`);
  }
  exitGracefullyOnSignals(() => server.close());
}
