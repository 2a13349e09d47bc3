// Export (JSON and Markdown), import as a new conversation of the importing user, and search,
// through the real route handlers on a fresh database with the sandbox answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationDto, ConversationSummaryDto } from "@/lib/chat/api-types";
import type { ConversationExport } from "@/lib/chat/transfer/export-format";
import type { ChatEvent } from "@/lib/streaming/events";
import { viaServer } from "../helpers/app-server";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { collectEvents, jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";

let routes: {
  list: typeof import("@/app/api/conversations/route");
  one: typeof import("@/app/api/conversations/[id]/route");
  exportRoute: typeof import("@/app/api/conversations/[id]/export/route");
  importRoute: typeof import("@/app/api/conversations/import/route");
};
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let owner: TestUser;
let other: TestUser;
let conversationId: string;

const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  delete process.env.SANDBOX_BASE_URL;
  routes = {
    list: await import("@/app/api/conversations/route"),
    one: await import("@/app/api/conversations/[id]/route"),
    exportRoute: await import("@/app/api/conversations/[id]/export/route"),
    importRoute: await import("@/app/api/conversations/import/route"),
  };
  db = (await import("@/lib/db/client")).getDb();
  other = await signInAs({ role: "member" });
  owner = await signInAs({ role: "member" });
  const columns = [{ modelId: "sandbox/swift-mini", temperature: 0.4, systemPrompt: "Be brief.", topP: 0.9, stop: ["###"], reasoningEffort: "low" }, { modelId: "sandbox/atlas-large" }];
  const first = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "Compare rivers and canals [[sandbox:tokens=30]]", columns })));
  conversationId = (first[0] as Extract<ChatEvent, { type: "turn" }>).conversationId;
  await collectEvents(await viaServer(jsonRequest("/api/chat", { conversationId, prompt: "Now lighthouses, briefly [[sandbox:tokens=20]]" })));
});

afterAll(async () => {
  await db?.$disconnect();
});

async function exportAs(id: string, format: string, as: TestUser = owner) {
  return routes.exportRoute.GET(appRequest(`/api/conversations/${id}/export?format=${format}`, { as }), params(id));
}

async function importAs(body: unknown, as: TestUser = owner) {
  const response = await routes.importRoute.POST(jsonRequest("/api/conversations/import", body, { as }));
  return { status: response.status, json: await response.json() };
}

async function conversation(id: string, as: TestUser = owner): Promise<ConversationDto> {
  return (await routes.one.GET(appRequest(`/api/conversations/${id}`, { as }), params(id))).json();
}

describe("export", () => {
  it("writes every column, turn, answer, stat and cost as a JSON download", async () => {
    const response = await exportAs(conversationId, "json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="compare-rivers-and-canals[^"]*\.json"/);
    const file = (await response.json()) as ConversationExport;
    expect(file).toMatchObject({ format: "switchyard.conversation", version: 1, title: "Compare rivers and canals" });
    expect(file.columns).toEqual([
      { modelId: "sandbox/swift-mini", name: "Swift Mini (simulated)", temperature: 0.4, maxTokens: null, systemPrompt: "Be brief.", topP: 0.9, stop: ["###"], reasoningEffort: "low" },
      { modelId: "sandbox/atlas-large", name: "Atlas Large (simulated)", temperature: null, maxTokens: null, systemPrompt: null, topP: null, stop: null, reasoningEffort: null },
    ]);
    expect(file.turns.map((t) => t.prompt)).toEqual(["Compare rivers and canals [[sandbox:tokens=30]]", "Now lighthouses, briefly [[sandbox:tokens=20]]"]);
    for (const turn of file.turns) for (const answer of turn.answers) expect(answer).toMatchObject({ status: "done", stats: { provider: "sandbox" } });
    expect(file.turns[0].answers[0]!.stats!.completionTokens).toBe(30);
    const saved = await conversation(conversationId);
    expect(file.totalCostPico).toBe(saved.costPico);
    expect(BigInt(file.totalCostPico!)).toBeGreaterThan(0n);
  });

  it("writes Markdown to read: the prompts, each model's answer under its name, the figures", async () => {
    const response = await exportAs(conversationId, "md");
    expect(response.headers.get("content-type")).toMatch(/^text\/markdown/);
    const md = await response.text();
    expect(md).toMatch(/^# Compare rivers and canals\n/);
    expect(md).toContain("## Turn 2");
    expect(md).toContain("> Now lighthouses, briefly");
    expect(md).toContain("### Atlas Large (simulated)");
    expect(md).toMatch(/_Cost \$[\d.]+ · first token [\d.]+ (ms|s) · total/);
  });

  it("is the owner's only, and validates its format", async () => {
    expect((await exportAs(conversationId, "json", other)).status).toBe(404);
    const bad = await exportAs(conversationId, "pdf");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^format: must be json or md$/);
  });
});

describe("import", () => {
  it("round-trips: a new conversation of the importing user, same columns and answers, imported and not in the ledger", async () => {
    const file = (await (await exportAs(conversationId, "json")).json()) as ConversationExport;
    const ledgerBefore = await db.generation.count();
    const { status, json } = await importAs(file, other);
    expect(status).toBe(201);
    const copy = await conversation(json.conversationId, other);
    const original = await conversation(conversationId);
    expect(copy.id).not.toBe(conversationId);
    expect(copy.title).toBe(original.title);
    expect(copy.columns.map(({ id: _id, ...c }) => c)).toEqual(original.columns.map(({ id: _id, ...c }) => c));
    const strip = (c: ConversationDto) => c.messages.map((m) => ({ turn: m.turn, role: m.role, content: m.content, tokens: m.stats?.completionTokens, ttft: m.stats?.ttftMs }));
    expect(strip(copy)).toEqual(strip(original));
    const answers = copy.messages.filter((m) => m.role === "assistant");
    const originalAnswers = original.messages.filter((m) => m.role === "assistant");
    // Nothing was spent here: $0 on this instance, the original cost carried as imported.
    expect(answers.every((m) => m.stats?.costPico === "0")).toBe(true);
    expect(answers.map((m) => m.imported?.costPico)).toEqual(originalAnswers.map((m) => m.stats!.costPico));
    expect(copy.costPico).toBe("0");
    expect(await db.generation.count()).toBe(ledgerBefore);
    expect(await db.generation.count({ where: { conversationId: json.conversationId } })).toBe(0);
    // The owner of the original does not see the copy, and vice versa.
    expect((await routes.one.GET(appRequest(`/api/conversations/${json.conversationId}`, { as: owner }), params(json.conversationId))).status).toBe(404);

    // Exporting the copy gives the same file again (apart from when it was exported).
    const again = (await (await exportAs(json.conversationId, "json", other)).json()) as ConversationExport;
    expect({ ...again, exportedAt: "" }).toEqual({ ...file, exportedAt: "" });
  });

  it("carries a turn's fused answer: in the JSON with its model and cost, in the Markdown, and back in by import", async () => {
    const started = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "Tides or moons? [[sandbox:tokens=15]]", columns: [{ modelId: "sandbox/swift-mini" }, { modelId: "sandbox/atlas-large" }] })));
    const { conversationId: id, userMessageId: promptId } = started[0] as Extract<ChatEvent, { type: "turn" }>;
    await collectEvents(await viaServer(jsonRequest("/api/chat/fuse", { promptId, modelId: "sandbox/swift-mini" })));
    const fused = (await conversation(id)).messages.find((m) => m.role === "fusion")!;
    expect(fused.status).toBe("done");
    expect(BigInt(fused.stats!.costPico)).toBeGreaterThan(0n);

    const file = (await (await exportAs(id, "json")).json()) as ConversationExport;
    expect(file.turns[0].fusion).toMatchObject({ modelId: "sandbox/swift-mini", name: "Swift Mini (simulated)", status: "done", content: fused.content, stats: { costPico: fused.stats!.costPico } });
    // The total is what the conversation cost: its answers and its fusion.
    expect(file.totalCostPico).toBe((await conversation(id)).costPico);
    const md = await (await exportAs(id, "md")).text();
    expect(md).toContain(`### Fused answer, by Swift Mini (simulated)\n\n${fused.content.trim()}`);

    const { status, json } = await importAs(file, other);
    expect(status).toBe(201);
    const copied = (await conversation(json.conversationId, other)).messages.find((m) => m.role === "fusion");
    expect(copied).toMatchObject({ role: "fusion", turn: 0, modelId: "sandbox/swift-mini", content: fused.content, imported: { costPico: fused.stats!.costPico } });
    const again = (await (await exportAs(json.conversationId, "json", other)).json()) as ConversationExport;
    expect({ ...again, exportedAt: "" }).toEqual({ ...file, exportedAt: "" });
  });

  it("refuses what is not a valid export with a clear 400", async () => {
    const file = (await (await exportAs(conversationId, "json")).json()) as ConversationExport;
    const cases: [unknown, RegExp][] = [
      [{ ...file, format: "something-else" }, /^format: must be "switchyard.conversation": is this a Switchyard conversation export\?$/],
      [{ ...file, version: 2 }, /^version: must be 1$/],
      [{ ...file, columns: [] }, /^columns: at least one column$/],
      [{ ...file, turns: [{ prompt: "x", answers: [null] }] }, /has 1 answers for 2 columns/],
      [{ ...file, columns: [{ ...file.columns[0], modelId: "no slash" }, file.columns[1]] }, /provider\/model/],
      [{ ...file, turns: [{ ...file.turns[0], answers: [{ ...file.turns[0].answers[0], stats: { ...file.turns[0].answers[0]!.stats, costPico: "-5" } }, null] }] }, /picodollars/],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await importAs(body);
      expect(status).toBe(400);
      expect(json.error.message).toMatch(message);
    }
    const notJson = await routes.importRoute.POST(appRequest("/api/conversations/import", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" }));
    expect(notJson.status).toBe(400);
  });

  it("needs a session and the CSRF token", async () => {
    const file = (await (await exportAs(conversationId, "json")).json()) as ConversationExport;
    expect((await routes.importRoute.POST(jsonRequest("/api/conversations/import", file, { as: null }))).status).toBe(401);
    const noCsrf = await routes.importRoute.POST(jsonRequest("/api/conversations/import", file, { headers: { "x-csrf-token": "" } }));
    expect(noCsrf.status).toBe(403);
  });
});

describe("search", () => {
  const search = async (q: string, as: TestUser = owner) => {
    const response = await routes.list.GET(appRequest(`/api/conversations?q=${encodeURIComponent(q)}`, { as }));
    return { status: response.status, json: (await response.json()) as { conversations: ConversationSummaryDto[]; error?: { message: string } } };
  };

  it("finds conversations by title and by the text of prompts and answers, with a snippet", async () => {
    expect((await search("RIVERS")).json.conversations.map((c) => c.id)).toEqual([conversationId]);
    const byPrompt = await search("lighthouses");
    expect(byPrompt.json.conversations.map((c) => c.id)).toEqual([conversationId]);
    expect(byPrompt.json.conversations[0].snippet).toMatch(/lighthouses/i);
    expect((await search("zebra-crossing-not-there")).json.conversations).toEqual([]);
  });

  it("only in the user's own conversations, and validates the query", async () => {
    const mine = (await search("rivers", other)).json.conversations;
    expect(mine.every((c) => c.id !== conversationId)).toBe(true);
    const long = await search("x".repeat(201));
    expect(long.status).toBe(400);
  });
});
