// Two members and an admin on one database, through the real route handlers. Every route
// that names member A's things answers 403/404 to member B and leaves A's rows exactly as
// they were; the admin sees both members' usage; without a session every route says 401.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { collectEvents, endsOf, jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import type { ChatEvent } from "@/lib/streaming/events";
import { viaServer } from "../helpers/app-server";

type Routes = Awaited<ReturnType<typeof loadRoutes>>;
let r: Routes;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: typeof import("@/lib/ledger/ledger-writer").flushLedger;
let A: TestUser;
let B: TestUser;
let admin: TestUser;
const a = { conversationId: "", answerId: "", shareId: "", keyId: "", generationId: "" };

async function loadRoutes() {
  return {
    stop: await import("@/app/api/chat/stop/route"),
    estimate: await import("@/app/api/chat/estimate/route"),
    conversations: await import("@/app/api/conversations/route"),
    conversation: await import("@/app/api/conversations/[id]/route"),
    share: await import("@/app/api/share/route"),
    shareId: await import("@/app/api/share/[id]/route"),
    fork: await import("@/app/api/share/[id]/fork/route"),
    keys: await import("@/app/api/keys/route"),
    key: await import("@/app/api/keys/[id]/route"),
    summary: await import("@/app/api/usage/summary/route"),
    breakdown: await import("@/app/api/usage/breakdown/route"),
    activity: await import("@/app/api/usage/activity/route"),
    detail: await import("@/app/api/usage/activity/[id]/route"),
    timeseries: await import("@/app/api/usage/timeseries/route"),
    activityCsv: await import("@/app/api/usage/export/activity.csv/route"),
    breakdownCsv: await import("@/app/api/usage/export/breakdown.csv/route"),
    users: await import("@/app/api/users/route"),
    user: await import("@/app/api/users/[id]/route"),
    providers: await import("@/app/api/providers/route"),
    catalogRefresh: await import("@/app/api/catalog/refresh/route"),
    me: await import("@/app/api/auth/me/route"),
  };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (url: string, as: TestUser | null) => appRequest(url, { as });
const post = (url: string, body: unknown, as: TestUser | null, method = "POST") => jsonRequest(url, body, { as, method });

async function chatAs(user: TestUser, prompt: string): Promise<{ conversationId: string; answerId: string }> {
  const events = await collectEvents(await viaServer(post("/api/chat", { prompt, columns: [{ modelId: "sandbox/swift-mini", maxTokens: 100 }] }, user)));
  const turn = events[0] as Extract<ChatEvent, { type: "turn" }>;
  const [end] = endsOf(events);
  expect(end.type).toBe("column-end");
  return { conversationId: turn.conversationId, answerId: end.messageId };
}

/** Everything A owns, as stored: any change made on B's behalf shows up as a difference. */
async function snapshotOfA(): Promise<string> {
  await flushLedger();
  const where = { userId: A.id };
  const rows = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: A.id } }),
    db.conversation.findMany({ where, orderBy: { id: "asc" } }),
    db.message.findMany({ where: { conversation: where }, orderBy: { id: "asc" } }),
    db.conversationColumn.findMany({ where: { conversation: where }, orderBy: { id: "asc" } }),
    db.shareLink.findMany({ where, orderBy: { id: "asc" } }),
    db.apiKey.findMany({ where, orderBy: { id: "asc" } }),
    db.generation.findMany({ where, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

async function ledgerTotal(userId?: string): Promise<{ requests: number; costPico: string }> {
  await flushLedger();
  const where = userId ? { userId } : {};
  const sum = await db.generation.aggregate({ _sum: { costPico: true }, _count: true, where });
  return { requests: sum._count, costPico: (sum._sum.costPico ?? 0n).toString() };
}

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_SPEED: "50", CATALOG_REFRESH_HOURS: "0" });
  for (const name of ["SANDBOX_BASE_URL", "LOCAL_NO_LOGIN", "COOKIE_SECURE"]) delete process.env[name];
  (await import("@/lib/env")).resetEnvCache();
  r = await loadRoutes();
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  A = await signInAs({ role: "member", email: "ana@test.local" });
  B = await signInAs({ role: "member", email: "bo@test.local" });
  admin = await signInAs({ role: "admin", email: "root@test.local" });

  Object.assign(a, await chatAs(A, "Name a moon of Jupiter [[sandbox:tokens=12]]"));
  const link = await r.share.POST(post("/api/share", { conversationId: a.conversationId, includeSystemPrompts: false, includeStats: true, expiresIn: "never" }, A));
  a.shareId = ((await link.json()) as { id: string }).id;
  const key = await r.keys.POST(post("/api/keys", { name: "Ana's key" }, A));
  a.keyId = ((await key.json()) as { apiKey: { id: string } }).apiKey.id;
  await flushLedger();
  const activity = (await (await r.activity.GET(get("/api/usage/activity", A))).json()) as { rows: { id: string }[] };
  a.generationId = activity.rows[0].id;

  // B and the admin have their own, different usage, so a leak would change the totals.
  await chatAs(B, "Name a moon of Saturn [[sandbox:tokens=20]]");
  await chatAs(B, "And one of Mars [[sandbox:tokens=7]]");
  await chatAs(admin, "Name a moon of Neptune [[sandbox:tokens=5]]");
  await r.keys.POST(post("/api/keys", { name: "Bo's key" }, B));
});

afterAll(async () => {
  await flushLedger?.();
  await db?.$disconnect();
});

/** Every route that names one of A's things, as `as` would call it. */
function routesAgainstA(as: TestUser | null): [string, number, () => Promise<Response>][] {
  const columns = [{ modelId: "sandbox/swift-mini" }];
  const usage = (path: string, user: string) => `/api/usage/${path}?user=${user}`;
  const usageCalls = (["summary", "breakdown", "activity", "timeseries"] as const).flatMap((name) =>
    [A.id, "all"].map((user): [string, number, () => Promise<Response>] => [`GET ${usage(name, user)}`, 403, () => r[name].GET(get(usage(name, user), as))]),
  );
  return [
    ["GET conversation", 404, () => r.conversation.GET(get(`/api/conversations/${a.conversationId}`, as), params(a.conversationId))],
    ["PATCH conversation", 404, () => r.conversation.PATCH(post(`/api/conversations/${a.conversationId}`, { title: "Renamed by Bo" }, as, "PATCH"), params(a.conversationId))],
    ["DELETE conversation", 404, () => r.conversation.DELETE(appRequest(`/api/conversations/${a.conversationId}`, { method: "DELETE", as }), params(a.conversationId))],
    ["POST /api/chat continuing", 404, () => viaServer(post("/api/chat", { conversationId: a.conversationId, prompt: "Continue as Bo" }, as))],
    ["POST /api/chat/regenerate", 404, () => viaServer(post("/api/chat/regenerate", { messageId: a.answerId }, as))],
    ["POST /api/chat/stop message", 404, () => r.stop.POST(post("/api/chat/stop", { messageId: a.answerId }, as))],
    ["POST /api/chat/stop conversation", 404, () => r.stop.POST(post("/api/chat/stop", { conversationId: a.conversationId }, as))],
    ["POST /api/chat/estimate", 404, () => r.estimate.POST(post("/api/chat/estimate", { conversationId: a.conversationId, prompt: "How much?", columns }, as))],
    ["POST /api/share", 404, () => r.share.POST(post("/api/share", { conversationId: a.conversationId, includeSystemPrompts: true, includeStats: true, expiresIn: "never" }, as))],
    ["DELETE /api/share/[id]", 404, () => r.shareId.DELETE(appRequest(`/api/share/${a.shareId}`, { method: "DELETE", as }), params(a.shareId))],
    ["POST /api/share/[id]/fork by link id", 404, () => r.fork.POST(post(`/api/share/${a.shareId}/fork`, {}, as), params(a.shareId))],
    ["DELETE /api/keys/[id]", 404, () => r.key.DELETE(appRequest(`/api/keys/${a.keyId}`, { method: "DELETE", as }), params(a.keyId))],
    ["GET /api/usage/activity/[id]", 404, () => r.detail.GET(get(`/api/usage/activity/${a.generationId}`, as), params(a.generationId))],
    ...usageCalls,
    ["GET activity.csv?user=all", 403, () => r.activityCsv.GET(get("/api/usage/export/activity.csv?user=all", as))],
    ["GET breakdown.csv?user=A", 403, () => r.breakdownCsv.GET(get(`/api/usage/export/breakdown.csv?user=${A.id}`, as))],
    ["GET /api/users", 403, () => r.users.GET(get("/api/users", as))],
    ["POST /api/users", 403, () => r.users.POST(post("/api/users", { email: "sneaky@test.local", name: "Sneaky", password: "long enough pw" }, as))],
    ["PATCH /api/users/[A] disable", 403, () => r.user.PATCH(post(`/api/users/${A.id}`, { disabled: true }, as, "PATCH"), params(A.id))],
    ["PATCH /api/users/[self] promote", 403, () => r.user.PATCH(post(`/api/users/${as?.id ?? B.id}`, { role: "admin" }, as, "PATCH"), params(as?.id ?? B.id))],
    ["GET /api/providers", 403, () => r.providers.GET(get("/api/providers", as))],
    ["POST /api/catalog/refresh", 403, () => r.catalogRefresh.POST(post("/api/catalog/refresh", {}, as))],
  ];
}

describe("member B against member A's things", () => {
  it("answers 403 or 404 on every route and leaves A's data as it was", async () => {
    const before = await snapshotOfA();
    const ledgerBefore = await ledgerTotal();
    for (const [name, status, call] of routesAgainstA(B)) {
      const response = await call();
      expect(`${name} → ${response.status}`).toBe(`${name} → ${status}`);
      const body = (await response.json()) as { error?: { message: string } };
      expect(body.error?.message, name).toBeTruthy();
    }
    expect(await snapshotOfA()).toBe(before);
    // Nothing was sent to a model on B's behalf either.
    expect(await ledgerTotal()).toEqual(ledgerBefore);
    const b = await db.user.findUniqueOrThrow({ where: { id: B.id } });
    expect(b.role).toBe("member");
    expect(await db.user.count({ where: { email: "sneaky@test.local" } })).toBe(0);
  });

  it("cannot stop A's answer while it streams", async () => {
    const response = await viaServer(post("/api/chat", { conversationId: a.conversationId, prompt: "A long one [[sandbox:slow]] [[sandbox:tokens=2000]]" }, A));
    let attempts: Promise<number[]> | undefined;
    const events = await collectEvents(response, (event) => {
      if (event.type !== "column-start") return;
      const stop = (body: object, as: TestUser) => r.stop.POST(post("/api/chat/stop", body, as));
      attempts = (async () => {
        // The turn's rows are committed on the next tick; a real request never arrives sooner.
        await vi.waitFor(() => db.message.findUniqueOrThrow({ where: { id: event.messageId } }));
        const byBo = [await stop({ messageId: event.messageId }, B), await stop({ conversationId: a.conversationId }, B)];
        // A's own stop still finds the column running: B's attempts did not abort it.
        const byAna = (await (await stop({ messageId: event.messageId }, A)).json()) as { stopped: number };
        return [...byBo.map((res) => res.status), byAna.stopped];
      })();
    });
    expect(await attempts).toEqual([404, 404, 1]);
    expect(endsOf(events)[0].stats.status).toBe("stopped");
  });

  it("lists only B's own conversations, share links and keys", async () => {
    const conversations = (await (await r.conversations.GET(get("/api/conversations", B))).json()) as { conversations: { id: string }[] };
    expect(conversations.conversations).toHaveLength(2);
    expect(conversations.conversations.map((c) => c.id)).not.toContain(a.conversationId);

    const links = (await (await r.share.GET(get(`/api/share?conversationId=${a.conversationId}`, B))).json()) as { links: unknown[] };
    expect(links.links).toEqual([]);
    const ownLinks = (await (await r.share.GET(get(`/api/share?conversationId=${a.conversationId}`, A))).json()) as { links: { id: string }[] };
    expect(ownLinks.links.map((l) => l.id)).toEqual([a.shareId]);

    const keys = (await (await r.keys.GET(get("/api/keys", B))).json()) as { keys: { id: string; name: string }[] };
    expect(keys.keys.map((k) => k.name)).toEqual(["Bo's key"]);
  });

  it("shows B only B's own usage when no user is named", async () => {
    const own = await ledgerTotal(B.id);
    const summary = (await (await r.summary.GET(get("/api/usage/summary", B))).json()) as { requests: number; costPico: string };
    expect({ requests: summary.requests, costPico: summary.costPico }).toEqual(own);
    const byUser = (await (await r.breakdown.GET(get("/api/usage/breakdown?groupBy=user", B))).json()) as { rows: { key: string }[] };
    expect(byUser.rows.map((row) => row.key)).toEqual([B.id]);
    const activity = (await (await r.activity.GET(get(`/api/usage/activity?user=${B.id}`, B))).json()) as { rows: { id: string }[] };
    expect(activity.rows).toHaveLength(own.requests);
    expect(activity.rows.map((row) => row.id)).not.toContain(a.generationId);
  });
});

describe("the admin", () => {
  it("reads one member's usage with user=<id> and everyone's with user=all", async () => {
    const summaryOf = async (user: string) =>
      (await (await r.summary.GET(get(`/api/usage/summary?user=${user}`, admin))).json()) as { requests: number; costPico: string };
    const ofA = await summaryOf(A.id);
    expect({ requests: ofA.requests, costPico: ofA.costPico }).toEqual(await ledgerTotal(A.id));
    const ofAll = await summaryOf("all");
    expect({ requests: ofAll.requests, costPico: ofAll.costPico }).toEqual(await ledgerTotal());
    expect(BigInt(ofAll.costPico)).toBeGreaterThan(BigInt(ofA.costPico));

    const detail = await r.detail.GET(get(`/api/usage/activity/${a.generationId}`, admin), params(a.generationId));
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as { id: string }).id).toBe(a.generationId);
  });

  it("gets a breakdown by user that lists both members with their own totals", async () => {
    const response = await r.breakdown.GET(get("/api/usage/breakdown?user=all&groupBy=user", admin));
    const body = (await response.json()) as { rows: { key: string; label: string; requests: number; costPico: string }[] };
    const row = (user: TestUser) => body.rows.find((x) => x.key === user.id);
    for (const user of [A, B, admin]) {
      expect(row(user)?.label).toContain(user.email);
      expect({ requests: row(user)?.requests, costPico: row(user)?.costPico }).toEqual(await ledgerTotal(user.id));
    }
  });
});

describe("without a session", () => {
  it("answers 401 on every route, and changes nothing", async () => {
    const before = await snapshotOfA();
    const open: [string, () => Promise<Response>][] = [
      ...routesAgainstA(null).map(([name, , call]): [string, () => Promise<Response>] => [name, call]),
      ["GET /api/conversations", () => r.conversations.GET(get("/api/conversations", null))],
      ["GET /api/share", () => r.share.GET(get("/api/share", null))],
      ["GET /api/keys", () => r.keys.GET(get("/api/keys", null))],
      ["POST /api/keys", () => r.keys.POST(post("/api/keys", { name: "anonymous" }, null))],
      ["POST /api/chat new", () => viaServer(post("/api/chat", { prompt: "hi", columns: [{ modelId: "sandbox/swift-mini" }] }, null))],
      ["GET /api/usage/summary", () => r.summary.GET(get("/api/usage/summary", null))],
      ["GET /api/auth/me", () => r.me.GET(get("/api/auth/me", null))],
    ];
    for (const [name, call] of open) expect(`${name} → ${(await call()).status}`).toBe(`${name} → 401`);
    expect(await snapshotOfA()).toBe(before);
    expect(await db.apiKey.count({ where: { name: "anonymous" } })).toBe(0);
  });
});
