// SIGTERM while a stream is in flight: the process ends the stream, writes the call's ledger
// row (status stopped, tokens counted from what was relayed) and only then exits.
import { spawn } from "node:child_process";
import { signInAs } from "../helpers/auth";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/test-db";

let databaseUrl: string;
let key: string;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;

beforeAll(async () => {
  databaseUrl = createTestDatabase();
  process.env.DATABASE_URL = databaseUrl;
  process.env.SANDBOX_ENABLED = "true";
  const { createApiKey } = await import("@/lib/auth/api-keys");
    db = (await import("@/lib/db/client")).getDb();
  key = (await createApiKey((await signInAs()).id, { name: "shutdown" })).key;
});

afterAll(async () => {
  await db?.$disconnect();
});

it("flushes the ledger of an interrupted stream before exiting on SIGTERM", async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn("node_modules/.bin/tsx", ["lib/cli/api-server.ts", "--no-migrate"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", SANDBOX_ENABLED: "true", SANDBOX_SPEED: "1", CATALOG_REFRESH_HOURS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("API ready") && resolve());
    child.on("exit", (code) => reject(new Error(`exited early with ${code}`)));
  });
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "sandbox/echo-free", stream: true, messages: [{ role: "user", content: "Tell me a long story [[sandbox:tokens=400]]" }] }),
  });
  const id = response.headers.get("x-generation-id")!;
  const reader = response.body!.getReader();
  let seen = "";
  while (!seen.includes('"content":"') || seen.split('"content":"').length < 4) seen += new TextDecoder().decode((await reader.read()).value);

  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);

  const row = await db.generation.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe("stopped");
  expect(row.completionTokens).toBeGreaterThan(0);
  expect(row.usageEstimated).toBe(true);
  expect(row.finishedAt).not.toBeNull();
}, 60_000);
