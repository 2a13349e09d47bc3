// No usage is lost when Postgres goes away: calls that finish while it is down keep their
// ledger writes in the durable outbox, and when it is back each row is written exactly once.
// Needs a Postgres server of its own (it stops and restarts it): runs in the Postgres suite.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../helpers/auth";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { canStartPrivatePostgres, startPrivatePostgres, type PrivatePostgres } from "../helpers/private-postgres";
import { TEST_POSTGRES_URL, createTestDatabase } from "../helpers/test-db";

const CALLS = 12;
const DELTAS = 40;

describe.skipIf(!TEST_POSTGRES_URL || !canStartPrivatePostgres())("ledger outbox", () => {
  let server: PrivatePostgres;
  let upstream: FakeUpstream;
  let api: { url: string; close(): Promise<void> };
  let key: string;
  let userId: string;
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-outbox-"));

  beforeAll(async () => {
    server = startPrivatePostgres();
    upstream = await startFakeUpstream({ deltas: DELTAS, gapMs: 50 });
    Object.assign(process.env, {
      DATABASE_URL: createTestDatabase({ postgresAdminUrl: server.adminUrl }),
      DATA_DIR: outboxDir,
      SANDBOX_ENABLED: "false",
      CUSTOM_PROVIDER_FAKE_BASE_URL: upstream.url,
      CUSTOM_PROVIDER_FAKE_MODELS: "fake-model",
      CATALOG_REFRESH_HOURS: "0",
    });
    const { startApiServer } = await import("@/lib/server/api-server");
    const { createApiKey } = await import("@/lib/auth/api-keys");
    api = await startApiServer();
    userId = (await signInAs()).id;
    key = (await createApiKey(userId, { name: "outbox" })).key;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await upstream?.close();
    server?.destroy();
  });

  it("keeps the ledger writes of calls that finish while Postgres is down, and writes each once when it is back", async () => {
    const calls = Array.from({ length: CALLS }, () =>
      fetch(`${api.url}/api/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "fake/fake-model", stream: true, messages: [{ role: "user", content: "hi" }] }),
      }),
    );
    const responses = await Promise.all(calls);
    const ids = responses.map((r) => r.headers.get("x-generation-id"));
    expect(ids.every(Boolean)).toBe(true);
    // Every call is streaming and its row inserted; now the database goes away mid-stream.
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.stop();

    const bodies = await Promise.all(responses.map((r) => r.text()));
    for (const body of bodies) expect(body.trim().endsWith("data: [DONE]")).toBe(true);
    const { flushLedger } = await import("@/lib/ledger/ledger-writer");
    await flushLedger();
    // At least each call's final write is kept (its first may have been committed before).
    const kept = fs.readdirSync(outboxDir).flatMap((file) => fs.readFileSync(path.join(outboxDir, file), "utf8").trim().split("\n"));
    expect(kept.length).toBeGreaterThanOrEqual(CALLS);

    server.start();
    const { getDb } = await import("@/lib/db/client");
    const db = getDb();
    const deadline = Date.now() + 30_000;
    let finished = 0;
    while (Date.now() < deadline) {
      finished = await db.generation.count({ where: { userId, status: { not: "streaming" } } }).catch(() => 0);
      if (finished === CALLS) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(finished).toBe(CALLS);

    const rows = await db.generation.findMany({ where: { userId } });
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const row of rows) expect(row).toMatchObject({ status: "done", completionTokens: DELTAS, promptTokens: 11 });
    // The replayed writes moved the rollups like any other write.
    const { getUsageSummary } = await import("@/lib/usage/summary");
    const { parseUsageQuery } = await import("@/lib/usage/query-params");
    const summary = await getUsageSummary(userId, parseUsageQuery({ range: "day" }));
    expect(summary.requests).toBe(CALLS);
    expect(summary.completionTokens).toBe(CALLS * DELTAS);
    expect(BigInt(summary.costPico)).toBe(rows.reduce((sum, r) => sum + r.costPico, 0n));
    // Replayed and deleted.
    expect(fs.readdirSync(outboxDir).filter((file) => !file.includes("failed"))).toEqual([]);
  }, 90_000);
});
