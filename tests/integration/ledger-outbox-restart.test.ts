// What the outbox kept when the last run ended is written on the next start — before calls
// left open are closed as interrupted — and entries replayed twice (a replay cut short by a
// crash runs again) still leave each row written once. SQLite, and Postgres with TEST_DATABASE_URL.
import fs from "node:fs";
import { beforeAll, expect, it } from "vitest";
import type { HotWrite } from "@/lib/db/hot-writes";
import { createTestDatabase } from "../helpers/test-db";

let userId: string;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), CATALOG_REFRESH_HOURS: "0" });
  const { getDb } = await import("@/lib/db/client");
  userId = (await getDb().user.create({ data: { email: "outbox@example.com", name: "Outbox" } })).id;
});

it("replays the outbox on start, in order and once, before closing interrupted calls", async () => {
  const { getEnv } = await import("@/lib/env");
  const { ledgerOutboxFor } = await import("@/lib/db/ledger-outbox");
  const { dbTime } = await import("@/lib/db/db-time");
  const start = (id: string) => ({
    id, userId, source: "api", conversationId: null, messageId: null, apiKeyId: null, requestedModel: "m", modelId: "fake/m", provider: "fake", upstreamModel: "m",
    pricePromptPico: 1n, priceCompletionPico: 2n, priceCachedPico: 0n, priceReasoningPico: 0n, priceCacheWritePico: 1n, now: dbTime(),
  });
  const end = (id: string) => ({
    id, provider: "fake", upstreamModel: "m", promptTokens: 5, completionTokens: 7, reasoningTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, usageEstimated: 0,
    pricePromptPico: 1n, priceCompletionPico: 2n, priceCachedPico: 0n, priceReasoningPico: 0n, priceCacheWritePico: 1n,
    cacheSavingsPico: 0n, responseCacheHit: 0, savedPromptTokens: 0, savedCompletionTokens: 0,
    costPico: 9_007_199_254_740_993n, computedCostPico: 19n, upstreamCostPico: null, ttftMs: 10, totalMs: 50, status: "done", finishReason: "stop",
    error: null, attempts: "[]", promptText: null, completionText: null, now: dbTime(),
  });
  // A call that finished while the database was away, and one whose start was kept before a crash.
  const kept: HotWrite[][] = [[["insertGeneration", start("gen-finished")]], [["finishGeneration", end("gen-finished")]], [["insertGeneration", start("gen-crashed")]]];
  const box = ledgerOutboxFor(getEnv().DATABASE_URL!, getEnv().PORT, getEnv().DATA_DIR)!;
  box.append(kept);
  box.append(kept);

  const { closeInterruptedCalls } = await import("@/lib/server/close-interrupted");
  await closeInterruptedCalls();

  const { getDb } = await import("@/lib/db/client");
  const rows = await getDb().generation.findMany({ where: { userId }, orderBy: { id: "asc" } });
  expect(rows.map((r) => [r.id, r.status])).toEqual([
    ["gen-crashed", "error"],
    ["gen-finished", "done"],
  ]);
  expect(rows[1].costPico).toBe(9_007_199_254_740_993n);
  const { getUsageSummary } = await import("@/lib/usage/summary");
  const { parseUsageQuery } = await import("@/lib/usage/query-params");
  const summary = await getUsageSummary(userId, parseUsageQuery({ range: "day" }));
  expect(summary).toMatchObject({ requests: 2, errors: 1, completionTokens: 7, costPico: "9007199254740993" });
  const { dataDirectory } = await import("@/lib/db/database-url");
  expect(fs.readdirSync(dataDirectory(getEnv().DATABASE_URL!, getEnv().DATA_DIR)!).filter((file) => file.startsWith("ledger-outbox-"))).toEqual([]);
});
