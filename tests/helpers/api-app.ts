// The app as API contract tests use it: a fresh database, the sandbox on its own port (at full
// speed) plus whatever providers the test configures (fake upstreams), the real server
// (appServer), a signed-in user with API keys, and the ledger as the tests read it. The
// sandbox closes after the file, as the server does.
import type { Generation } from "@prisma/client";
import { afterAll } from "vitest";
import { appServer } from "./app-server";
import { signInAs } from "./auth";
import { createTestDatabase } from "./test-db";

const started: { close(): Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

export interface ApiApp {
  url: string;
  userId: string;
  /** A key of the test user (or of `userId`), with these limits. */
  createKey(limits?: Record<string, unknown>, userId?: string): Promise<string>;
  /** The ledger row of a generation, once the batched writes are in. */
  generation(id: string): Promise<Generation>;
  db: ReturnType<typeof import("@/lib/db/client").getDb>;
  flushLedger(): Promise<void>;
}

export async function startApiApp(env: Record<string, string> = {}): Promise<ApiApp> {
  const { startSandboxServer } = await import("@/lib/providers/sandbox/server");
  const sandbox = await startSandboxServer({ port: 0, speed: 1000 });
  started.push(sandbox);
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_BASE_URL: sandbox.url, CATALOG_REFRESH_HOURS: "0", ...env });
  (await import("@/lib/env")).resetEnvCache();
  const db = (await import("@/lib/db/client")).getDb();
  const { flushLedger } = await import("@/lib/ledger/ledger-writer");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { url } = await appServer();
  const userId = (await signInAs()).id;
  return {
    url,
    userId,
    db,
    flushLedger,
    createKey: async (limits = {}, owner = userId) => (await createApiKey(owner, { name: "test", ...limits })).key,
    generation: async (id) => {
      await flushLedger();
      return db.generation.findUniqueOrThrow({ where: { id } });
    },
  };
}
