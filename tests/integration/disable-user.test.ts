// Disabling a user ends what they have in flight — chatroom columns and API streams — as it
// ends their sessions and keys: each call is saved as stopped with what was delivered, and
// each stream gets a last event saying why.
import OpenAI from "openai";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { appServer, viaServer } from "../helpers/app-server";
import { jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import { SseDecoder } from "@/lib/streaming/sse";
import type { ChatEvent } from "@/lib/streaming/events";

let admin: TestUser;
let member: TestUser;
let userRoute: typeof import("@/app/api/users/[id]/route");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_SPEED: "1", CATALOG_REFRESH_HOURS: "0" });
  delete process.env.SANDBOX_BASE_URL;
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  userRoute = await import("@/app/api/users/[id]/route");
  admin = await signInAs({ role: "admin" });
  member = await signInAs({ role: "member" });
});

/** A full garbage collection, as a busy server runs them at any moment. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

async function readAll(response: Response): Promise<{ event: string | null; data: string }[]> {
  const decoder = new SseDecoder();
  const out: { event: string | null; data: string }[] = [];
  const utf8 = new TextDecoder();
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(...decoder.push(utf8.decode(value, { stream: true })));
  }
}

it("ends the user's chatroom columns and API streams at once, saving what was delivered", async () => {
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { key } = await createApiKey(member.id, { name: "member" });
  const client = new OpenAI({ baseURL: `${(await appServer()).url}/api/v1`, apiKey: key, maxRetries: 0 });
  const long = "A long essay please [[sandbox:tokens=3000]]";
  const chat = viaServer(jsonRequest("/api/chat", { prompt: long, columns: [{ modelId: "sandbox/atlas-large" }, { modelId: "sandbox/echo-free" }] }, { as: member })).then(readAll);
  const stream = await client.chat.completions.create({ model: "sandbox/atlas-large", stream: true, messages: [{ role: "user", content: long }] }).withResponse();
  const apiChunks: OpenAI.ChatCompletionChunk[] = [];
  let apiError: unknown = null;
  const api = (async () => {
    try {
      for await (const chunk of stream.data) apiChunks.push(chunk);
    } catch (error) {
      apiError = error;
    }
  })();
  while (apiChunks.filter((c) => c.choices[0]?.delta?.content).length < 5 && apiError === null) await new Promise((r) => setTimeout(r, 20));
  // A collection before the stop: the in-process sandbox's streams must still hear it (a
  // Request's signal stops following the one it was made with once the Request is collected).
  collectGarbage();

  const disabled = await userRoute.PATCH(jsonRequest(`/api/users/${member.id}`, { disabled: true }, { as: admin, method: "PATCH" }), { params: Promise.resolve({ id: member.id }) });
  expect(disabled.status).toBe(200);
  const [events] = await Promise.all([chat, api]);

  // The API stream ended with an error chunk that says why (the SDK raises it).
  expect(String((apiError as Error)?.message)).toContain("account was disabled");
  const row = await db.generation.findUniqueOrThrow({ where: { id: stream.response.headers.get("x-generation-id")! } });
  expect(row.status).toBe("stopped");
  expect(row.completionTokens).toBeLessThan(3000);

  // Every column ended with an error event saying why, saved as stopped.
  const parsed = events.map((e) => JSON.parse(e.data) as ChatEvent);
  const ends = parsed.filter((e): e is Extract<ChatEvent, { type: "column-error" }> => e.type === "column-error");
  expect(ends).toHaveLength(2);
  for (const end of ends) {
    expect(end.error).toContain("account was disabled");
    expect((await db.message.findUniqueOrThrow({ where: { id: end.messageId } })).status).toBe("stopped");
  }
}, 60_000);
