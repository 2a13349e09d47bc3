// Changing course in a conversation, through the real server path: regenerated answers keep
// their versions, edited prompts start branches, the history sent upstream follows what is
// selected, columns are swapped / added / removed, every column can continue from one answer,
// and a chosen model fuses a turn's answers — each call one ledger row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../helpers/auth";
import { collectEvents, endsOf, jsonRequest } from "../helpers/chat-client";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { createTestDatabase } from "../helpers/test-db";
import { viaServer } from "../helpers/app-server";
import type { ConversationDto } from "@/lib/chat/api-types";
import type { ChatEvent } from "@/lib/streaming/events";

let alpha: FakeUpstream;
let beta: FakeUpstream;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: typeof import("@/lib/ledger/ledger-writer").flushLedger;
let conversationRoute: typeof import("@/app/api/conversations/[id]/route");
let columnsRoute: typeof import("@/app/api/conversations/[id]/columns/route");
let selectRoute: typeof import("@/app/api/chat/select/route");
let continueRoute: typeof import("@/app/api/chat/continue-with/route");
let presetsRoute: typeof import("@/app/api/presets/route");

const A = "alpha/fake-a";
const B = "beta/fake-b";

beforeAll(async () => {
  alpha = await startFakeUpstream({ text: "alpha", deltas: 3 });
  beta = await startFakeUpstream({ text: "beta", deltas: 3 });
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  Object.assign(process.env, {
    CUSTOM_PROVIDER_ALPHA_BASE_URL: alpha.url,
    CUSTOM_PROVIDER_ALPHA_MODELS: "fake-a",
    CUSTOM_PROVIDER_BETA_BASE_URL: beta.url,
    CUSTOM_PROVIDER_BETA_MODELS: "fake-b",
  });
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  conversationRoute = await import("@/app/api/conversations/[id]/route");
  columnsRoute = await import("@/app/api/conversations/[id]/columns/route");
  selectRoute = await import("@/app/api/chat/select/route");
  continueRoute = await import("@/app/api/chat/continue-with/route");
  presetsRoute = await import("@/app/api/presets/route");
  await signInAs();
});

afterAll(async () => {
  await Promise.all([alpha?.close(), beta?.close()]);
});

async function stream(path: string, body: unknown): Promise<ChatEvent[]> {
  const response = await viaServer(jsonRequest(path, body));
  expect(response.status).toBe(200);
  return collectEvents(response);
}

async function read(id: string): Promise<ConversationDto> {
  const response = await conversationRoute.GET(jsonRequest(`/api/conversations/${id}`, undefined, { method: "GET", body: undefined }), { params: Promise.resolve({ id }) });
  expect(response.status).toBe(200);
  return (await response.json()) as ConversationDto;
}

async function post(route: { POST(r: Request): Promise<Response> }, path: string, body: unknown) {
  return route.POST(jsonRequest(path, body));
}

/** What the last call to `upstream` was sent: its messages as role: content lines. */
function lastSent(upstream: FakeUpstream): string[] {
  const messages = upstream.requests.at(-1)!.body.messages as { role: string; content: string }[];
  return messages.map((m) => `${m.role}: ${m.content}`);
}

async function startTwoColumns(prompt: string) {
  const events = await stream("/api/chat", { prompt, columns: [{ modelId: A }, { modelId: B }] });
  const turn = events[0] as Extract<ChatEvent, { type: "turn" }>;
  return { conversationId: turn.conversationId, promptId: turn.userMessageId, ends: endsOf(events) };
}

describe("changing course", () => {
  it("keeps every version of a regenerated answer, in the ledger and after a reload, and switches between them", async () => {
    const { conversationId, ends } = await startTwoColumns("Name a colour");
    const first = ends[0].messageId;
    const again = endsOf(await stream("/api/chat/regenerate", { messageId: first }));
    await flushLedger();
    const shown = await read(conversationId);
    const answer = shown.messages.find((m) => m.columnId === ends[0].columnId)!;
    expect(answer.id).toBe(again[0].messageId);
    expect(answer.versions).toEqual([first, again[0].messageId]);
    expect(await db.generation.count({ where: { messageId: { in: [first, again[0].messageId] } } })).toBe(2);

    expect((await post(selectRoute, "/api/chat/select", { messageId: first })).status).toBe(200);
    expect((await read(conversationId)).messages.find((m) => m.columnId === ends[0].columnId)!.id).toBe(first);
  });

  it("edits a prompt into a branch, keeps the old branch, and sends each branch's own history", async () => {
    const { conversationId, promptId } = await startTwoColumns("First question");
    const second = await stream("/api/chat", { conversationId, prompt: "Second question" });
    const secondPrompt = (second[0] as Extract<ChatEvent, { type: "turn" }>).userMessageId;

    // Edit turn 2: a new branch from turn 1.
    const edited = await stream("/api/chat", { conversationId, prompt: "Second question, edited", editOf: secondPrompt });
    const editedTurn = edited[0] as Extract<ChatEvent, { type: "turn" }>;
    expect(editedTurn.turn).toBe(1);
    expect(lastSent(alpha)).toEqual(["user: First question", "assistant: alpha alpha alpha", "user: Second question, edited"]);

    let shown = await read(conversationId);
    const prompts = shown.messages.filter((m) => m.role === "user");
    expect(prompts.map((p) => p.content)).toEqual(["First question", "Second question, edited"]);
    expect(prompts[1].versions).toEqual([secondPrompt, editedTurn.userMessageId]);

    // A third turn on the edited branch carries the edited prompt, never the old one.
    await stream("/api/chat", { conversationId, prompt: "Third" });
    expect(lastSent(beta)).toEqual(["user: First question", "assistant: beta beta beta", "user: Second question, edited", "assistant: beta beta beta", "user: Third"]);

    // Back to the first branch: its turns are shown again, and the next turn follows it.
    expect((await post(selectRoute, "/api/chat/select", { messageId: secondPrompt })).status).toBe(200);
    shown = await read(conversationId);
    expect(shown.messages.filter((m) => m.role === "user").map((p) => p.content)).toEqual(["First question", "Second question"]);
    await stream("/api/chat", { conversationId, prompt: "Third on the first branch" });
    expect(lastSent(alpha).filter((l) => l.startsWith("user:"))).toEqual(["user: First question", "user: Second question", "user: Third on the first branch"]);
    expect(promptId).toBeTruthy();
  });

  it("continues every column from one chosen answer, and back to each its own", async () => {
    const { conversationId, promptId, ends } = await startTwoColumns("Pick one");
    const alphaAnswer = ends.find((e) => e.stats.modelId === A)!.messageId;
    expect((await post(continueRoute, "/api/chat/continue-with", { promptId, answerId: alphaAnswer })).status).toBe(200);
    expect((await read(conversationId)).messages[0].sharedAnswerId).toBe(alphaAnswer);
    await stream("/api/chat", { conversationId, prompt: "Go on" });
    expect(lastSent(beta)).toEqual(["user: Pick one", "assistant: alpha alpha alpha", "user: Go on"]);

    expect((await post(continueRoute, "/api/chat/continue-with", { promptId, answerId: null })).status).toBe(200);
    await stream("/api/chat", { conversationId, prompt: "Again" });
    expect(lastSent(beta).slice(0, 2)).toEqual(["user: Pick one", "assistant: beta beta beta"]);

    const wrong = await post(continueRoute, "/api/chat/continue-with", { promptId, answerId: "nope" });
    expect(wrong.status).toBe(400);
  });

  it("swaps, adds and removes models mid-conversation; a new column starts from the conversation so far", async () => {
    const { conversationId } = await startTwoColumns("Hello");
    const before = await read(conversationId);
    const [first, second] = before.columns;
    const put = (columns: unknown) =>
      columnsRoute.PUT(jsonRequest(`/api/conversations/${conversationId}/columns`, { columns }, { method: "PUT" }), { params: Promise.resolve({ id: conversationId }) });

    // Swap the second column to alpha, add a beta column, with top_p and stop sequences.
    let response = await put([{ id: first.id, modelId: A }, { id: second.id, modelId: A }, { modelId: B, topP: 0.5, stop: ["END"] }]);
    expect(response.status).toBe(200);
    const after = (await response.json()) as ConversationDto;
    expect(after.columns.map((c) => c.modelId)).toEqual([A, A, B]);
    expect(after.columns[2]).toMatchObject({ topP: 0.5, stop: ["END"] });
    // The swapped column keeps its answer, which names the model that gave it.
    expect(after.messages.find((m) => m.columnId === second.id)?.modelId).toBe(B);

    await stream("/api/chat", { conversationId, prompt: "Next" });
    const sent = beta.requests.at(-1)!.body;
    expect(lastSent(beta)).toEqual(["user: Hello", "assistant: alpha alpha alpha", "user: Next"]);
    expect(sent).toMatchObject({ top_p: 0.5, stop: ["END"] });

    response = await put([{ id: first.id, modelId: A }]);
    expect((await response.json()).columns).toHaveLength(1);
    expect(await db.conversationColumn.count({ where: { conversationId } })).toBe(1);

    expect((await put([{ modelId: "nobody/nothing" }])).status).toBe(400);
    expect((await put([{ id: "not-mine", modelId: A }])).status).toBe(400);
  });

  it("fuses a turn's answers with a chosen model into its own row and ledger call, and continues from it", async () => {
    const { conversationId, promptId } = await startTwoColumns("Explain caching");
    const events = await stream("/api/chat/fuse", { promptId, modelId: B });
    const [end] = endsOf(events);
    expect(end.type).toBe("column-end");
    expect(end.columnId).toBe(`fusion:${promptId}`);
    const sent = lastSent(beta);
    expect(sent[0]).toMatch(/^system: You are given a question/);
    expect(sent.at(-1)).toContain("alpha alpha alpha");
    expect(sent.at(-1)).toContain("beta beta beta");
    await flushLedger();
    expect(await db.generation.count({ where: { messageId: end.messageId } })).toBe(1);

    const shown = await read(conversationId);
    const fused = shown.messages.find((m) => m.role === "fusion")!;
    expect(fused).toMatchObject({ id: end.messageId, modelId: B, parentId: promptId, status: "done", content: "beta beta beta" });

    await post(continueRoute, "/api/chat/continue-with", { promptId, answerId: fused.id });
    await stream("/api/chat", { conversationId, prompt: "More" });
    expect(lastSent(alpha)).toEqual(["user: Explain caching", "assistant: beta beta beta", "user: More"]);

    const lonely = await startTwoColumns("x");
    await columnsRoute.PUT(jsonRequest(`/api/conversations/${lonely.conversationId}/columns`, { columns: [{ modelId: A }] }, { method: "PUT" }), { params: Promise.resolve({ id: lonely.conversationId }) });
    const refused = await viaServer(jsonRequest("/api/chat/fuse", { promptId: lonely.promptId, modelId: A }));
    expect(refused.status).toBe(400);
  });

  it("saves the columns as a model set (a preset with columns) that lists back with every column's settings", async () => {
    const columns = [{ modelId: A, temperature: 0.2, stop: ["###"] }, { modelId: A, topP: 0.9, reasoningEffort: "low" }, { modelId: B }];
    const created = await post(presetsRoute, "/api/presets", { slug: "reading-trio", name: "Reading trio", models: [A, B], columns });
    expect(created.status).toBe(201);
    const listed = (await (await presetsRoute.GET(jsonRequest("/api/presets", undefined, { method: "GET", body: undefined }))).json()) as { presets: { slug: string; columns: unknown[] | null }[] };
    expect(listed.presets.find((p) => p.slug === "reading-trio")?.columns).toEqual(columns);
    const bad = await post(presetsRoute, "/api/presets", { slug: "bad-set", name: "Bad", models: [A], columns: [{ modelId: A, topP: 3 }] });
    expect(bad.status).toBe(400);
  });

  it("marks a column whose model no provider serves any more as unavailable, keeping its display name", async () => {
    const { conversationId } = await startTwoColumns("Still there?");
    const column = (await read(conversationId)).columns[0];
    expect(column).toMatchObject({ available: true, label: { name: "fake-a" } });
    await db.conversationColumn.update({ where: { id: column.id }, data: { modelId: "openai/gpt-4o-mini" } });
    const gone = (await read(conversationId)).columns[0];
    expect(gone.available).toBe(false);
    expect(gone.label?.name).toMatch(/GPT-4o/i);
    // Sending anyway: that column says the model is unavailable, never which setting to change.
    const [end] = endsOf(await stream("/api/chat", { conversationId, prompt: "Hello?" })).filter((e) => e.columnId === column.id);
    expect(end.type).toBe("column-error");
    expect(end.stats.error).toMatch(/^Model unavailable/);
    expect(end.stats.error).not.toMatch(/_API_KEY|set /);
  });
});
