// `npm run api`: only the OpenAI-compatible API (/api/v1) and the chat stream routes, without
// the web UI — for headless deployments. Applies migrations first, like `npm start`.
import { resolveDatabaseUrl } from "../db/database-url";
import { migrateDatabase } from "../db/migrate";
import { MigrationError } from "../db/migrations";
import { getEnv } from "../env";
import { closeInterruptedCalls } from "../server/close-interrupted";
import { startApiServer } from "../server/api-server";
import { exitGracefullyOnSignals } from "../server/graceful-shutdown";

async function main() {
  const env = getEnv();
  process.env.DATABASE_URL = resolveDatabaseUrl(env.DATABASE_URL);
  if (!process.argv.includes("--no-migrate")) await migrateDatabase(process.env.DATABASE_URL);
  await closeInterruptedCalls();
  await (await import("../providers/credential-snapshot")).loadProviderCredentials();
  const server = await startApiServer({ port: env.PORT, host: env.HOST });
  console.log(`[switchyard] API ready on ${server.url}/api/v1`);
  exitGracefullyOnSignals(() => server.close());
}

main().catch((error) => {
  // A refused migration explains itself; a stack trace would only bury the explanation.
  console.error(error instanceof MigrationError ? `[switchyard] ${error.message}` : error);
  process.exit(1);
});
