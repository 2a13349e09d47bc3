// Built-in tools in the chatroom: the model calls the calculator, the server runs it and
// feeds the result back; each upstream call is one ledger row and the answer sums them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../helpers/auth";
import { startSandboxServer } from "@/lib/providers/sandbox/server";
import type { ChatEvent } from "@/lib/streaming/events";
import { collectEvents, endsOf, jsonRequest, textOf } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import { viaServer } from "../helpers/app-server";

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: typeof import("@/lib/ledger/ledger-writer").flushLedger;
let getConversation: typeof import("@/lib/db/conversations").getConversation;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, speed: 50 });
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  process.env.SANDBOX_BASE_URL = sandbox.url;
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  getConversation = (await import("@/lib/db/conversations")).getConversation;
  await signInAs();
});

afterAll(async () => {
  await sandbox?.close();
});

async function send(body: unknown): Promise<ChatEvent[]> {
  const response = await viaServer(jsonRequest("/api/chat", body));
  expect(response.status).toBe(200);
  return collectEvents(response);
}

describe("chatroom tools", () => {
  it("runs the calculator for a tool-capable model, continues, and accounts both calls", async () => {
    const events = await send({ prompt: "What is 0.1+0.2?", columns: [{ modelId: "sandbox/nimbus-tools" }, { modelId: "sandbox/swift-mini" }], tools: ["calculator"] });
    const ends = endsOf(events);
    const tools = ends.find((e) => e.stats.modelId === "sandbox/nimbus-tools")!;
    const plain = ends.find((e) => e.stats.modelId === "sandbox/swift-mini")!;
    const call = events.find((e) => e.type === "tool-call");
    const result = events.find((e) => e.type === "tool-result");
    expect(call).toMatchObject({ columnId: tools.columnId, call: { name: "calculator", arguments: expect.stringContaining("0.1+0.2") } });
    expect(result).toMatchObject({ ok: true, result: "0.3" });
    expect(textOf(events, tools.columnId)).toContain("0.3");
    expect(plain.stats.status).toBe("done");

    await flushLedger();
    const rows = await db.generation.findMany({ where: { messageId: tools.messageId }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(BigInt(tools.stats.costPico)).toBe(rows.reduce((n, r) => n + r.costPico, 0n));
    expect(tools.stats.promptTokens).toBe(rows.reduce((n, r) => n + r.promptTokens, 0));
    expect(await db.generation.count({ where: { messageId: plain.messageId } })).toBe(1);

    const turn = events[0] as Extract<ChatEvent, { type: "turn" }>;
    const saved = await getConversation((await db.conversation.findUniqueOrThrow({ where: { id: turn.conversationId } })).userId, turn.conversationId);
    expect(saved?.enabledTools).toEqual(["calculator"]);
    const answer = saved!.messages.find((m) => m.id === tools.messageId)!;
    expect(answer.toolTrace).toEqual([expect.objectContaining({ name: "calculator", result: "0.3", ok: true })]);
    expect(answer.stats?.costPico).toBe(tools.stats.costPico);

    // The next turn keeps the tools on and the column's history carries the earlier call.
    const next = await send({ conversationId: turn.conversationId, prompt: "And 2*21?" });
    expect(next.find((e) => e.type === "tool-result")).toMatchObject({ result: "42" });
  });

  it("leaves tools out for a model that cannot call them", async () => {
    const events = await send({ prompt: "What is 2+2?", columns: [{ modelId: "sandbox/swift-mini" }], tools: ["calculator", "current_time"] });
    expect(events.some((e) => e.type === "tool-call")).toBe(false);
    expect(endsOf(events)[0].stats.status).toBe("done");
  });

  it("refuses unknown tools", async () => {
    const response = await viaServer(jsonRequest("/api/chat", { prompt: "Hi", columns: [{ modelId: "sandbox/swift-mini" }], tools: ["shell"] }));
    expect(response.status).toBe(400);
  });
});
