// /api/chat as the app server serves it: node:http, events written straight to the socket
// (lib/server/lean-routes.ts), against the sandbox as a separate HTTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { collectEvents, endsOf, textOf } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import { startSandboxServer } from "@/lib/providers/sandbox/server";
import { readSse } from "@/lib/streaming/sse";
import type { ChatEvent } from "@/lib/streaming/events";

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let api: { url: string; close(): Promise<void> };
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: typeof import("@/lib/ledger/ledger-writer").flushLedger;
let user: TestUser;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, speed: 20 });
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_BASE_URL: sandbox.url, CATALOG_REFRESH_HOURS: "0" });
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  api = await (await import("@/lib/server/api-server")).startApiServer();
  user = await signInAs();
});

afterAll(async () => {
  await api?.close();
  await sandbox?.close();
  await db?.$disconnect();
});

const columns = [{ modelId: "sandbox/swift-mini" }, { modelId: "sandbox/echo-free" }];

function post(body: unknown, init: { signal?: AbortSignal; signedIn?: boolean } = {}) {
  // Same-origin fetches from our pages carry the session cookie and the CSRF header.
  const session: Record<string, string> = init.signedIn === false ? {} : { cookie: user.headers.cookie, "x-csrf-token": user.csrf };
  return fetch(`${api.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...session },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal: init.signal,
  });
}

describe("POST /api/chat on node:http", () => {
  it("streams every column's events in order, the turn first and done last, and saves the answers", async () => {
    const response = await post({ prompt: "Name three rivers", columns });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = await collectEvents(response);
    expect(events[0].type).toBe("turn");
    expect(events.at(-1)?.type).toBe("done");
    const ends = endsOf(events);
    expect(ends.map((e) => e.stats.status)).toEqual(["done", "done"]);
    for (const end of ends) {
      const saved = await db.message.findUniqueOrThrow({ where: { id: end.messageId } });
      expect(saved).toMatchObject({ status: "done", content: textOf(events, end.columnId) });
      expect(events.findIndex((e) => e.type === "column-start" && e.columnId === end.columnId)).toBeLessThan(events.indexOf(end));
    }
  });

  it("a client that goes away stops every column; each saves what arrived as stopped", async () => {
    const controller = new AbortController();
    const response = await post({ prompt: "Long answer please [[sandbox:slow]]", columns }, { signal: controller.signal });
    const seen: ChatEvent[] = [];
    try {
      for await (const message of readSse(response.body!)) {
        seen.push(JSON.parse(message.data) as ChatEvent);
        if (seen.some((e) => e.type === "text")) controller.abort();
      }
    } catch {
      // The abort ends the read.
    }
    const turn = seen[0] as Extract<ChatEvent, { type: "turn" }>;
    let answers: { status: string; content: string }[] = [];
    for (let i = 0; i < 50; i++) {
      await flushLedger();
      answers = await db.message.findMany({ where: { conversationId: turn.conversationId, role: "assistant" } });
      if (answers.every((a) => a.status !== "streaming")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answers.map((a) => a.status)).toEqual(["stopped", "stopped"]);
    expect(answers.some((a) => a.content.length > 0)).toBe(true);
    expect(await db.generation.count({ where: { conversationId: turn.conversationId, status: "stopped" } })).toBe(2);
  });

  it("answers bad input with a JSON error and saves nothing", async () => {
    const before = await db.conversation.count();
    const broken = await post("{nope");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/valid JSON/);
    const anonymous = await post({ prompt: "hi", columns }, { signedIn: false });
    expect(anonymous.status).toBe(401);
    expect(await db.conversation.count()).toBe(before);
  });
});
