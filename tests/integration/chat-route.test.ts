// The real /api/chat route handlers against the sandbox running as a separate HTTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, signInAs } from "../helpers/auth";
import { startSandboxServer } from "@/lib/providers/sandbox/server";
import { createTestDatabase } from "../helpers/test-db";
import { collectEvents, endsOf, jsonRequest, textOf } from "../helpers/chat-client";
import type { ChatEvent } from "@/lib/streaming/events";
import { viaServer } from "../helpers/app-server";

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let stop: typeof import("@/app/api/chat/stop/route");
let conversationRoute: typeof import("@/app/api/conversations/[id]/route");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: typeof import("@/lib/ledger/ledger-writer").flushLedger;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, speed: 20 });
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  process.env.SANDBOX_BASE_URL = sandbox.url;
  stop = await import("@/app/api/chat/stop/route");
  conversationRoute = await import("@/app/api/conversations/[id]/route");
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  await signInAs();
});

afterAll(async () => {
  await sandbox?.close();
});

const three = [{ modelId: "sandbox/swift-mini" }, { modelId: "sandbox/atlas-large" }, { modelId: "sandbox/echo-free" }];

async function send(body: unknown, onEvent?: (e: ChatEvent) => void) {
  const response = await viaServer(jsonRequest("/api/chat", body));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return collectEvents(response, onEvent);
}

describe("POST /api/chat", () => {
  it("streams three columns side by side and saves every answer with exact stats and one ledger row each", async () => {
    const events = await send({ prompt: "Explain binary search briefly", columns: three });
    const turn = events[0];
    expect(turn.type).toBe("turn");
    expect(events.at(-1)?.type).toBe("done");
    const ends = endsOf(events);
    expect(ends).toHaveLength(3);
    for (const end of ends) {
      expect(end.type).toBe("column-end");
      expect(end.stats.status).toBe("done");
      expect(end.stats.completionTokens).toBeGreaterThan(0);
      expect(end.stats.promptTokens).toBeGreaterThan(0);
      expect(end.stats.usageEstimated).toBe(false);
      expect(end.stats.provider).toBe("sandbox");
      expect(end.stats.ttftMs).not.toBeNull();
      expect(textOf(events, end.columnId).length).toBeGreaterThan(20);
    }
    // Columns interleave: the first column to finish did not wait for the others to start.
    const firstText = events.findIndex((e) => e.type === "text");
    const lastStart = events.map((e) => e.type).lastIndexOf("column-start");
    expect(firstText).toBeGreaterThan(0);
    expect(lastStart).toBeGreaterThan(0);

    await flushLedger();
    const conversationId = (turn as Extract<ChatEvent, { type: "turn" }>).conversationId;
    const messages = await db.message.findMany({ where: { conversationId, role: "assistant" } });
    expect(messages.map((m) => m.status)).toEqual(["done", "done", "done"]);
    const generations = await db.generation.findMany({ where: { conversationId } });
    expect(generations).toHaveLength(3);
    const messageTotal = messages.reduce((s, m) => s + m.costPico, 0n);
    const ledgerTotal = generations.reduce((s, g) => s + g.costPico, 0n);
    expect(ledgerTotal).toBe(messageTotal);
    expect(messageTotal).toBe(ends.reduce((s, e) => s + BigInt(e.stats.costPico), 0n));
    expect(messages.find((m) => m.modelId === "sandbox/echo-free")?.costPico).toBe(0n);
  });

  it("keeps each column's own history on the next turn", async () => {
    const first = await send({ prompt: "Name a colour", columns: three.slice(0, 2) });
    const conversationId = (first[0] as Extract<ChatEvent, { type: "turn" }>).conversationId;
    const second = await send({ conversationId, prompt: "And another one?" });
    expect(endsOf(second).every((e) => e.stats.status === "done")).toBe(true);
    // The second turn's prompt grew by each column's own first answer only.
    const [a, b] = endsOf(first);
    const [a2, b2] = endsOf(second);
    expect(a2.stats.promptTokens).toBeGreaterThan(a.stats.promptTokens);
    expect(b2.stats.promptTokens).toBeGreaterThan(b.stats.promptTokens);
    expect(a2.stats.promptTokens - a.stats.promptTokens).not.toBe(b2.stats.promptTokens - b.stats.promptTokens);
  });

  it("refuses an unknown model before writing anything, naming it (400)", async () => {
    const before = await db.conversation.count();
    for (const modelId of ["sandbox/no-such-model", "nobody/nothing"]) {
      const response = await viaServer(jsonRequest("/api/chat", { prompt: "Hello", columns: [{ modelId: "sandbox/swift-mini" }, { modelId }] }));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "model_not_found", param: "columns.1.modelId" });
      expect(body.error.message).toContain(modelId);
    }
    expect(await db.conversation.count()).toBe(before);
  });

  it("saves what arrived with status error and estimated usage when the upstream drops mid-stream", async () => {
    const events = await send({ prompt: "Tell me a story [[sandbox:drop-after=8]]", columns: [{ modelId: "sandbox/swift-mini" }] });
    const [end] = endsOf(events);
    expect(end.type).toBe("column-error");
    expect(end.stats.usageEstimated).toBe(true);
    expect(end.stats.completionTokens).toBeGreaterThan(0);
    await flushLedger();
    const saved = await db.message.findUniqueOrThrow({ where: { id: end.messageId } });
    expect(saved.status).toBe("error");
    expect(saved.content).toBe(textOf(events, end.columnId));
    expect(saved.content.length).toBeGreaterThan(0);
    const generation = await db.generation.findFirstOrThrow({ where: { messageId: end.messageId } });
    expect(generation.status).toBe("error");
    expect(generation.completionTokens).toBe(saved.completionTokens);
  });

  it.each([
    ["500", /500/],
    ["429", /429/],
  ])("shows a readable error when the upstream answers %s", async (status, pattern) => {
    const events = await send({ prompt: `Hi [[sandbox:status=${status}]]`, columns: [{ modelId: "sandbox/swift-mini" }] });
    const [end] = endsOf(events);
    expect(end.type).toBe("column-error");
    expect(end.stats.error).toMatch(pattern);
    const saved = await db.message.findUniqueOrThrow({ where: { id: end.messageId } });
    expect(saved.status).toBe("error");
    expect(saved.error).toMatch(pattern);
  });

  it("stops one column mid-stream and saves its partial answer as stopped", async () => {
    let stopped = false;
    const seen: ChatEvent[] = [];
    const events = await send(
      { prompt: "Write a long essay [[sandbox:slow]]", columns: [{ modelId: "sandbox/swift-mini" }, { modelId: "sandbox/swift-mini" }] },
      (event) => {
        seen.push(event);
        if (event.type === "text" && !stopped) {
          stopped = true;
          const start = seen.find((e) => e.type === "column-start" && e.columnId === event.columnId) as Extract<ChatEvent, { type: "column-start" }>;
          void stop.POST(jsonRequest("/api/chat/stop", { messageId: start.messageId }));
        }
      },
    );
    const ends = endsOf(events);
    const statuses = ends.map((e) => e.stats.status).sort();
    expect(statuses).toEqual(["done", "stopped"]);
    const halted = ends.find((e) => e.stats.status === "stopped")!;
    await flushLedger();
    const saved = await db.message.findUniqueOrThrow({ where: { id: halted.messageId } });
    expect(saved.status).toBe("stopped");
    expect(saved.content).toBe(textOf(events, halted.columnId));
    expect(await db.generation.count({ where: { messageId: halted.messageId, status: "stopped" } })).toBe(1);
  });

  it("stops every column when the client disconnects", async () => {
    const controller = new AbortController();
    const response = await viaServer(jsonRequest("/api/chat", { prompt: "Long answer please [[sandbox:slow]]", columns: three }, { signal: controller.signal }));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    await flushLedger();
    const latest = await db.conversation.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const answers = await db.message.findMany({ where: { conversationId: latest.id, role: "assistant" } });
    expect(answers.map((m) => m.status)).toEqual(["stopped", "stopped", "stopped"]);
    expect(await db.generation.count({ where: { conversationId: latest.id, status: "stopped" } })).toBe(3);
  });

  it("regenerates one column as a new version, keeping the old answer", async () => {
    const events = await send({ prompt: "Pick a number", columns: three.slice(0, 2) });
    const [end] = endsOf(events);
    const again = await collectEvents(await viaServer(jsonRequest("/api/chat/regenerate", { messageId: end.messageId })));
    const [newEnd] = endsOf(again);
    expect(newEnd.stats.status).toBe("done");
    expect(newEnd.messageId).not.toBe(end.messageId);
    expect(await db.message.findUniqueOrThrow({ where: { id: end.messageId } })).toMatchObject({ selected: false, status: "done" });
  });

  it.each([
    ["not JSON", "{nope", /valid JSON/],
    ["empty prompt", { prompt: "  ", columns: three }, /empty/],
    ["too many columns", { prompt: "x", columns: Array(9).fill(three[0]) }, /At most 8/],
    ["bad model id", { prompt: "x", columns: [{ modelId: "nope" }] }, /provider\/model/],
    ["no columns for a new conversation", { prompt: "x" }, /column/],
    ["unknown field", { prompt: "x", columns: three, extra: 1 }, /extra|Unrecognized/i],
  ])("answers bad input (%s) with a 400 and saves nothing", async (_name, body, message) => {
    const before = await db.message.count();
    const response = await viaServer(jsonRequest("/api/chat", body));
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.message).toMatch(message);
    expect(await db.message.count()).toBe(before);
  });

  it("404s an unknown conversation", async () => {
    const response = await viaServer(jsonRequest("/api/chat", { conversationId: "missing", prompt: "x" }));
    expect(response.status).toBe(404);
    const get = await conversationRoute.GET(appRequest("http://localhost/api/conversations/missing"), { params: Promise.resolve({ id: "missing" }) });
    expect(get.status).toBe(404);
  });
});
