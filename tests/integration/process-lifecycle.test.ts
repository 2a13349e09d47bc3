// The real server as a process (`npm run api`'s entry point), stopped as operators and crashes
// stop it, with streams in flight: SIGTERM stops every call at once, saves what was delivered
// and gives each stream a last event; SIGKILL loses nothing that was checkpointed, and the
// next start closes those calls with it; limits hold across the restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { startServerProcess } from "../helpers/server-process";
import { createTestDatabase } from "../helpers/test-db";
import { SseDecoder } from "@/lib/streaming/sse";
import type { ChatEvent } from "@/lib/streaming/events";

let databaseUrl: string;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let user: TestUser;
let createKey: (limits?: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  databaseUrl = createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: databaseUrl, SANDBOX_ENABLED: "true" });
  delete process.env.SANDBOX_BASE_URL;
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  user = await signInAs();
  const { createApiKey } = await import("@/lib/auth/api-keys");
  createKey = async (limits = {}) => (await createApiKey(user.id, { name: "lifecycle", ...limits })).key;
});

afterAll(async () => db?.$disconnect());

function startServer() {
  return startServerProcess({ DATABASE_URL: databaseUrl });
}

/** A stream read as it arrives; `text()` is what the client has received so far. */
function readStream(response: Response) {
  const decoder = new SseDecoder();
  const utf8 = new TextDecoder();
  const events: { event: string | null; data: string }[] = [];
  const done = (async () => {
    const reader = response.body!.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        events.push(...decoder.push(utf8.decode(value, { stream: true })));
      }
    } catch {
      // A killed server cuts the stream.
    }
  })();
  return { events, done };
}

const apiText = (events: { data: string }[]) =>
  events.filter((e) => e.data.startsWith("{")).map((e) => JSON.parse(e.data).choices?.[0]?.delta?.content ?? "").join("");
const chatText = (events: { data: string }[], columnId: string) =>
  events.map((e) => JSON.parse(e.data) as ChatEvent).filter((e) => e.type === "text" && e.columnId === columnId).map((e) => (e as { text: string }).text).join("");

async function startCalls(url: string, key: string) {
  const api = await fetch(`${url}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    // 40 tokens a second: 2,000 tokens take most of a minute, so the stream is still going when the server stops.
    body: JSON.stringify({ model: "sandbox/atlas-large", stream: true, messages: [{ role: "user", content: "Tell me a long story [[sandbox:tokens=2000]]" }] }),
  });
  const chat = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: user.headers.cookie, "x-csrf-token": user.csrf },
    body: JSON.stringify({ prompt: "A long essay please [[sandbox:tokens=2000]]", columns: [{ modelId: "sandbox/atlas-large" }, { modelId: "sandbox/sage-reasoner" }, { modelId: "sandbox/echo-free" }] }),
  });
  return { apiId: api.headers.get("x-generation-id")!, api: readStream(api), chat: readStream(chat) };
}

async function until(condition: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("SIGTERM with calls in flight", () => {
  it("stops every call at once, saves what was delivered as stopped, and ends every stream with a last event", async () => {
    const server = await startServer();
    const calls = await startCalls(server.url, await createKey());
    await until(() => apiText(calls.api.events).length > 50 && calls.chat.events.filter((e) => e.event === "text").length > 30);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    await Promise.all([calls.api.done, calls.chat.done]);

    // The API stream: an error chunk saying why, then [DONE].
    const last = calls.api.events.at(-1)!;
    expect(last.data).toBe("[DONE]");
    expect(JSON.parse(calls.api.events.at(-2)!.data)).toMatchObject({ choices: [{ finish_reason: "error" }], error: { message: expect.stringContaining("restarting") } });
    const apiRow = await db.generation.findUniqueOrThrow({ where: { id: calls.apiId } });
    expect(apiRow).toMatchObject({ status: "stopped", usageEstimated: true });
    expect(apiRow.completionTokens).toBeGreaterThan(0);

    // The chatroom: every column ends with an error event its reader sees, and is saved as stopped.
    const events = calls.chat.events.map((e) => JSON.parse(e.data) as ChatEvent);
    const turn = events[0] as Extract<ChatEvent, { type: "turn" }>;
    const ends = events.filter((e): e is Extract<ChatEvent, { type: "column-error" }> => e.type === "column-error");
    expect(ends).toHaveLength(3);
    expect(events.at(-1)?.type).toBe("done");
    const answers = await db.message.findMany({ where: { conversationId: turn.conversationId, role: "assistant" } });
    for (const end of ends) {
      expect(end.stats.status).toBe("stopped");
      expect(end.error).toContain("restarting");
      const saved = answers.find((a) => a.id === end.messageId)!;
      expect(saved.status).toBe("stopped");
      expect(saved.content).toBe(chatText(calls.chat.events, end.columnId));
    }
    // None ran on to the end: 2,000 tokens each were asked for.
    const rows = await db.generation.findMany({ where: { conversationId: turn.conversationId } });
    expect(rows.map((r) => r.status)).toEqual(["stopped", "stopped", "stopped"]);
    expect(Math.max(...rows.map((r) => r.completionTokens))).toBeLessThan(2000);
  }, 60_000);
});

describe("SIGKILL with calls in flight, then a restart", () => {
  it("keeps what was delivered up to the last checkpoint, closes the calls with it, and keeps the key's limits", async () => {
    const key = await createKey({ rpd: 2 });
    const server = await startServer();
    const calls = await startCalls(server.url, key);
    await until(() => apiText(calls.api.events).length > 200);
    // Past a checkpoint (once a second) with tokens delivered.
    await new Promise((r) => setTimeout(r, 1_500));
    const delivered = apiText(calls.api.events);
    server.child.kill("SIGKILL");
    await server.exited;
    await Promise.all([calls.api.done, calls.chat.done]);

    const open = await db.generation.findUniqueOrThrow({ where: { id: calls.apiId } });
    expect(open.status).toBe("streaming");
    expect(open.completionTokens).toBeGreaterThan(0);
    expect(open.costPico).toBeGreaterThan(0n);
    const turn = JSON.parse(calls.chat.events[0].data) as Extract<ChatEvent, { type: "turn" }>;
    const answers = await db.message.findMany({ where: { conversationId: turn.conversationId, role: "assistant" } });
    for (const answer of answers) {
      // What was checkpointed is what the reader had seen, up to the last second.
      expect(answer.content.length + answer.reasoning.length).toBeGreaterThan(0);
      expect(chatText(calls.chat.events, answer.columnId!).startsWith(answer.content)).toBe(true);
    }

    // The next start closes what the crash left open, with what it recorded (estimated).
    const again = await startServer();
    const closed = await db.generation.findUniqueOrThrow({ where: { id: calls.apiId } });
    expect(closed).toMatchObject({ status: "error", usageEstimated: true, completionTokens: open.completionTokens, costPico: open.costPico });
    const { countTokens } = await import("@/lib/ledger/count-tokens");
    expect(closed.completionTokens).toBeLessThanOrEqual(countTokens(delivered) + 5);
    for (const answer of await db.message.findMany({ where: { conversationId: turn.conversationId, role: "assistant" } })) {
      expect(answer.status).toBe("error");
      expect(answer.content.length + answer.reasoning.length).toBeGreaterThan(0);
    }

    // rpd 2: one call before the crash, one now, and the day is full — the restart forgot nothing.
    const call = () =>
      fetch(`${again.url}/api/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "sandbox/echo-free", messages: [{ role: "user", content: "hi" }] }),
      });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
    again.child.kill("SIGTERM");
    await again.exited;
  }, 90_000);
});
