// Share links through their real route handlers, on a fresh database: create, update,
// revoke, expire, fork, and 404 vs 410 for the public side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, appRequest } from "../helpers/auth";
import { createTestDatabase } from "../helpers/test-db";
import { collectEvents, jsonRequest } from "../helpers/chat-client";
import type { ChatEvent } from "@/lib/streaming/events";
import type { ShareLinkDto } from "@/lib/share/share-types";
import { viaServer } from "../helpers/app-server";

let shareRoute: typeof import("@/app/api/share/route");
let shareIdRoute: typeof import("@/app/api/share/[id]/route");
let forkRoute: typeof import("@/app/api/share/[id]/fork/route");
let resolve: typeof import("@/lib/share/resolve-shared");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let getConversation: typeof import("@/lib/db/conversations").getConversation;
let userId: string;
let conversationId: string;

const SYSTEM_PROMPT = "Answer like a sea captain — secret marker ZX-SYS-42";

beforeAll(async () => {
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  delete process.env.SANDBOX_BASE_URL;
  shareRoute = await import("@/app/api/share/route");
  shareIdRoute = await import("@/app/api/share/[id]/route");
  forkRoute = await import("@/app/api/share/[id]/fork/route");
  resolve = await import("@/lib/share/resolve-shared");
  db = (await import("@/lib/db/client")).getDb();
  getConversation = (await import("@/lib/db/conversations")).getConversation;
  userId = (await signInAs()).id;

  const columns = [
    { modelId: "sandbox/swift-mini", temperature: 0.3, maxTokens: 200, systemPrompt: SYSTEM_PROMPT, topP: 0.8, stop: ["###"], reasoningEffort: "low" },
    { modelId: "sandbox/atlas-large" },
  ];
  const events = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "Name a planet [[sandbox:tokens=12]]", columns })));
  conversationId = (events[0] as Extract<ChatEvent, { type: "turn" }>).conversationId;
});

afterAll(async () => {
  await db?.$disconnect();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function share(body: Record<string, unknown>): Promise<{ status: number; json: ShareLinkDto & { error?: { code: string; param: string | null } } }> {
  const response = await shareRoute.POST(jsonRequest("/api/share", { conversationId, includeSystemPrompts: false, includeStats: true, expiresIn: "never", ...body }));
  return { status: response.status, json: await response.json() };
}

describe("share links", () => {
  it("creates a link with an unguessable token and a frozen snapshot of every column", async () => {
    const { status, json } = await share({ includeStats: true });
    expect(status).toBe(201);
    expect(json.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(json.url).toBe(`http://localhost/share/${json.token}`);
    expect(json.status).toBe("active");
    expect(json.expiresAt).toBeNull();

    const resolved = await resolve.resolveSharedLink(json.token);
    if (resolved.state !== "active") throw new Error(`expected active, got ${resolved.state}`);
    expect(resolved.snapshot.columns.map((c) => c.name)).toEqual(["Swift Mini (simulated)", "Atlas Large (simulated)"]);
    expect(resolved.snapshot.turns[0].answers.every((a) => a?.stats && a.content.length > 0)).toBe(true);
    const stored = (await db.shareLink.findUniqueOrThrow({ where: { id: json.id } })).snapshot;
    expect(stored).not.toContain("ZX-SYS-42");
    expect(stored).not.toContain(userId);
    expect(stored).not.toContain(conversationId);
  });

  it("includes system prompts only when asked, and hides stats when asked", async () => {
    const { json } = await share({ includeSystemPrompts: true, includeStats: false, expiresIn: "7d" });
    const stored = (await db.shareLink.findUniqueOrThrow({ where: { id: json.id } })).snapshot;
    expect(stored).toContain("ZX-SYS-42");
    expect(stored).not.toContain("costPico");
    expect(new Date(json.expiresAt!).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  it("validates input and refuses another user's or an unknown conversation", async () => {
    const bad = await share({ expiresIn: "2d" });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.param).toBe("expiresIn");
    const unknown = await share({ conversationId: "nope" });
    expect(unknown.status).toBe(404);

    const other = await db.user.create({ data: { email: "other@example.com", name: "Other" } });
    const theirs = await db.conversation.create({ data: { userId: other.id, title: "Theirs" } });
    const refused = await share({ conversationId: theirs.id });
    expect(refused.status).toBe(404);
  });

  it("updates the existing link in place (same token, new snapshot) or mints a new one, as the owner chooses", async () => {
    const first = (await share({})).json;
    const beforeLinks = await db.shareLink.count({ where: { conversationId } });
    await db.message.updateMany({ where: { conversationId, role: "user" }, data: { content: "Edited prompt after sharing" } });

    const frozen = await resolve.resolveSharedLink(first.token);
    expect(frozen.state === "active" && frozen.snapshot.turns[0].prompt).toBe("Name a planet [[sandbox:tokens=12]]");

    const updated = (await share({ updateExisting: true, expiresIn: "1d" })).json;
    expect(await db.shareLink.count({ where: { conversationId } })).toBe(beforeLinks);
    const newest = await db.shareLink.findFirstOrThrow({ where: { conversationId }, orderBy: { createdAt: "desc" } });
    expect(updated.token).toBe(newest.token);
    const refreshed = await resolve.resolveSharedLink(updated.token);
    expect(refreshed.state === "active" && refreshed.snapshot.turns[0].prompt).toBe("Edited prompt after sharing");
    expect(updated.expiresAt).not.toBeNull();

    const fresh = (await share({ updateExisting: false })).json;
    expect(fresh.token).not.toBe(updated.token);
    expect(await db.shareLink.count({ where: { conversationId } })).toBe(beforeLinks + 1);
  });

  it("lists only the owner's links, narrowed to one conversation on request", async () => {
    const all = (await (await shareRoute.GET(appRequest("http://localhost/api/share"))).json()) as { links: ShareLinkDto[] };
    expect(all.links.length).toBeGreaterThanOrEqual(4);
    expect(all.links.every((l) => l.conversationId === conversationId)).toBe(true);
    const none = (await (await shareRoute.GET(appRequest("http://localhost/api/share?conversationId=other"))).json()) as { links: ShareLinkDto[] };
    expect(none.links).toEqual([]);
  });

  it("revokes at once: 410 for revoked and expired links, 404 for unknown tokens", async () => {
    const { json } = await share({});
    expect(resolve.httpStatusOf(await resolve.resolveSharedLink(json.token))).toBe(200);

    const revoked = await shareIdRoute.DELETE(appRequest("http://localhost/api/share/x", { method: "DELETE" }), params(json.id));
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as ShareLinkDto).status).toBe("revoked");
    expect(resolve.httpStatusOf(await resolve.resolveSharedLink(json.token))).toBe(410);

    const expiring = (await share({ expiresIn: "1d" })).json;
    const later = new Date(Date.now() + 86_400_000 + 1000);
    expect(resolve.httpStatusOf(await resolve.resolveSharedLink(expiring.token, later))).toBe(410);
    await db.shareLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await resolve.resolveSharedLink(expiring.token)).state).toBe("expired");

    expect(resolve.httpStatusOf(await resolve.resolveSharedLink("A".repeat(32)))).toBe(404);
    expect(resolve.httpStatusOf(await resolve.resolveSharedLink(json.id))).toBe(404);
    const missing = await shareIdRoute.DELETE(appRequest("http://localhost/api/share/x", { method: "DELETE" }), params("unknown"));
    expect(missing.status).toBe(404);
  });

  it("forks a snapshot into a new conversation with the same columns and messages, system prompts only if shared", async () => {
    const hidden = (await share({ includeSystemPrompts: false })).json;
    const response = await forkRoute.POST(appRequest("http://localhost/x", { method: "POST" }), params(hidden.token));
    expect(response.status).toBe(201);
    const { conversationId: forkId } = (await response.json()) as { conversationId: string };
    expect(forkId).not.toBe(conversationId);

    const original = (await getConversation(userId, conversationId))!;
    const fork = (await getConversation(userId, forkId))!;
    const settings = (c: (typeof fork.columns)[number]) => [c.modelId, c.temperature, c.maxTokens, c.topP, c.stop, c.reasoningEffort];
    expect(fork.columns.map(settings)).toEqual(original.columns.map(settings));
    expect(fork.columns[0]).toMatchObject({ topP: 0.8, stop: ["###"], reasoningEffort: "low" });
    expect(fork.columns.every((c) => c.systemPrompt === null)).toBe(true);
    // Titled as a copy, so the sidebar does not show two conversations of one name.
    expect(fork.title).toBe(`${original.title} (copy)`);
    expect(fork.messages.map((m) => [m.role, m.turn, m.content])).toEqual(original.messages.map((m) => [m.role, m.turn, m.content]));
    // Copied answers cost the fork nothing: its total matches its (empty) ledger.
    expect(fork.costPico).toBe("0");
    expect(original.costPico).not.toBe("0");

    const withPrompts = (await share({ includeSystemPrompts: true })).json;
    const second = (await (await forkRoute.POST(appRequest("http://localhost/x", { method: "POST" }), params(withPrompts.token))).json()) as { conversationId: string };
    expect((await getConversation(userId, second.conversationId))!.columns[0].systemPrompt).toBe(SYSTEM_PROMPT);
  });

  it("shares a turn's fused answer, named, with its cost in the total, and a fork keeps it", async () => {
    const started = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "Name a moon [[sandbox:tokens=12]]", columns: [{ modelId: "sandbox/swift-mini" }, { modelId: "sandbox/atlas-large" }] })));
    const { conversationId: id, userMessageId: promptId } = started[0] as Extract<ChatEvent, { type: "turn" }>;
    await collectEvents(await viaServer(jsonRequest("/api/chat/fuse", { promptId, modelId: "sandbox/atlas-large" })));
    const original = (await getConversation(userId, id))!;
    const fused = original.messages.find((m) => m.role === "fusion")!;

    const link = (await share({ conversationId: id, includeStats: true })).json;
    const resolved = await resolve.resolveSharedLink(link.token);
    if (resolved.state !== "active") throw new Error(`expected active, got ${resolved.state}`);
    expect(resolved.snapshot.turns[0].fusion).toMatchObject({ modelId: "sandbox/atlas-large", name: "Atlas Large (simulated)", simulated: true, content: fused.content, status: "done", stats: { costPico: fused.stats!.costPico } });
    expect(resolved.snapshot.totalCostPico).toBe(original.costPico);
    const bare = (await share({ conversationId: id, includeStats: false, updateExisting: false })).json;
    const bareResolved = await resolve.resolveSharedLink(bare.token);
    if (bareResolved.state !== "active") throw new Error("expected active");
    expect(bareResolved.snapshot.turns[0].fusion).not.toHaveProperty("stats");

    const response = await forkRoute.POST(appRequest("http://localhost/x", { method: "POST" }), params(link.token));
    const fork = (await getConversation(userId, ((await response.json()) as { conversationId: string }).conversationId))!;
    expect(fork.messages.find((m) => m.role === "fusion")).toMatchObject({ turn: 0, modelId: "sandbox/atlas-large", content: fused.content, status: "done" });
    expect(fork.costPico).toBe("0");
  });

  it("refuses to fork a revoked link (410) or an unknown one (404)", async () => {
    const { json } = await share({});
    await shareIdRoute.DELETE(appRequest("http://localhost/x", { method: "DELETE" }), params(json.id));
    const gone = await forkRoute.POST(appRequest("http://localhost/x", { method: "POST" }), params(json.token));
    expect(gone.status).toBe(410);
    const unknown = await forkRoute.POST(appRequest("http://localhost/x", { method: "POST" }), params("B".repeat(32)));
    expect(unknown.status).toBe(404);
  });
});
