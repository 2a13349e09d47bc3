// The hot writer commits on its own thread: what it resolves is committed and visible to
// Prisma, writes queued in the same tick share one commit, and one bad job fails alone.
// Runs on SQLite, and on Postgres with TEST_DATABASE_URL (the same writer's Postgres thread).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTime } from "@/lib/db/db-time";
import { TEST_POSTGRES_URL, createTestDatabase } from "../helpers/test-db";

let hot: typeof import("@/lib/db/hot-writes");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let userId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = createTestDatabase();
  (await import("@/lib/env")).resetEnvCache();
  hot = await import("@/lib/db/hot-writes");
  db = (await import("@/lib/db/client")).getDb();
  userId = (await db.user.create({ data: { email: "hot@example.com", name: "Hot" } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
});

/** The driver's code for a primary key conflict (Postgres: SQLSTATE unique_violation). */
const PRIMARY_KEY_CONFLICT = TEST_POSTGRES_URL ? "23505" : "SQLITE_CONSTRAINT_PRIMARYKEY";

const conversation = (id: string) => ["insertConversation", { id, userId, title: `Title ${id}`, blind: 0, now: dbTime() }] as const;

describe("hot writes", () => {
  it("resolves once the rows are committed, and Prisma reads them", async () => {
    await hot.hotWrite([[...conversation("c1")]]);
    expect(await db.conversation.findUnique({ where: { id: "c1" } })).toMatchObject({ title: "Title c1", userId });
  });

  it("a job that fails is rejected alone; the others queued with it still commit", async () => {
    const results = await Promise.allSettled([
      hot.hotWrite([[...conversation("c2")]]),
      hot.hotWrite([[...conversation("c1")]]), // already there: primary key conflict
      hot.hotWrite([[...conversation("c3")]], { lazy: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: PRIMARY_KEY_CONFLICT });
    expect(await db.conversation.count({ where: { id: { in: ["c2", "c3"] } } })).toBe(2);
  });

  it("a job's writes commit together or not at all", async () => {
    await expect(hot.hotWrite([[...conversation("c4")], [...conversation("c2")]])).rejects.toMatchObject({ code: PRIMARY_KEY_CONFLICT });
    expect(await db.conversation.findUnique({ where: { id: "c4" } })).toBeNull();
  });

  it("keeps exact big integers (picodollar costs past 2^53)", async () => {
    await hot.hotWrite([[...conversation("c5")]]);
    const big = 9_007_199_254_740_993n;
    await hot.hotWrite([["insertGeneration", {
      id: "g1", userId, source: "chat", conversationId: "c5", messageId: null, apiKeyId: null, requestedModel: "m", modelId: "m", provider: "p", upstreamModel: "u",
      pricePromptPico: big, priceCompletionPico: 1n, priceCachedPico: 1n, priceReasoningPico: 1n, priceCacheWritePico: 1n, now: dbTime(),
    }]]);
    expect((await db.generation.findUnique({ where: { id: "g1" } }))?.pricePromptPico).toBe(big);
  });
});
