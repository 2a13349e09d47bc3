// A lone UTF-16 surrogate ("\ud800" in JSON) is not text a database can store: every route
// that reads a JSON body answers it with a 400 naming the field, before anything is written
// (it used to reach the database and answer 500, sign-in and first-run setup included).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";

const LONE = "\ud800";
/** JSON.stringify writes a lone surrogate as the escape `\ud800`, exactly what an attacker sends. */
const body = (value: Record<string, unknown>) => {
  const text = JSON.stringify(value);
  expect(text).toContain("\\ud800");
  return text;
};
const FORM = { "x-csrf-token": "local", origin: "http://localhost" };

let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let api: { url: string; close(): Promise<void> };
let admin: TestUser;
let apiKey: string;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_SPEED: "50", CATALOG_REFRESH_HOURS: "0" });
  for (const name of ["SANDBOX_BASE_URL", "LOCAL_NO_LOGIN", "ADMIN_EMAIL", "ADMIN_PASSWORD"]) delete process.env[name];
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  api = await (await import("@/lib/server/api-server")).startApiServer();
});

afterAll(async () => {
  await api?.close();
  await db?.$disconnect();
});

async function expectRefused(response: Response, param: string) {
  const text = await response.text();
  expect(response.status, text).toBe(400);
  const error = JSON.parse(text).error;
  expect(error.message).toMatch(/unpaired UTF-16 surrogate/);
  if (error.param !== undefined) expect(error.param).toBe(param);
}

describe("a lone surrogate in a JSON body", () => {
  it("is refused by first-run setup and sign-in, which need no session", async () => {
    const setup = await import("@/app/api/auth/setup/route");
    await expectRefused(await setup.POST(jsonRequest("/api/auth/setup", body({ email: "a@b.test", name: `Ad${LONE}min`, password: "long enough password" }), { as: null, headers: FORM })), "name");
    expect(await db.user.count()).toBe(0);

    const login = await import("@/app/api/auth/login/route");
    await expectRefused(await login.POST(jsonRequest("/api/auth/login", body({ email: `x${LONE}@b.test`, password: "whatever" }), { as: null, headers: FORM })), "email");
    await expectRefused(await login.POST(jsonRequest("/api/auth/login", body({ email: "x@b.test", password: LONE }), { as: null, headers: FORM })), "password");
  });

  it("is refused by the signed-in routes that store text: users, keys, renames, shares", async () => {
    admin = await signInAs({ role: "admin" });
    const users = await import("@/app/api/users/route");
    await expectRefused(await users.POST(jsonRequest("/api/users", body({ email: "m@b.test", name: LONE, password: "long enough password" }))), "name");
    const keys = await import("@/app/api/keys/route");
    await expectRefused(await keys.POST(jsonRequest("/api/keys", body({ name: `ci${LONE}` }))), "name");
    // Keys in objects count too: JSON lets a surrogate hide in a property name.
    await expectRefused(await keys.POST(jsonRequest("/api/keys", body({ name: "ci", [`x${LONE}`]: 1 }))), "x\ufffd");

    const conversation = await db.conversation.create({ data: { userId: admin.id, title: "Before" } });
    const one = await import("@/app/api/conversations/[id]/route");
    const params = { params: Promise.resolve({ id: conversation.id }) };
    await expectRefused(await one.PATCH(jsonRequest(`/api/conversations/${conversation.id}`, body({ title: `After${LONE}` }), { method: "PATCH" }), params), "title");
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).title).toBe("Before");
    const share = await import("@/app/api/share/route");
    await expectRefused(await share.POST(jsonRequest("/api/share", body({ conversationId: `${conversation.id}${LONE}` }))), "conversationId");
    expect(await db.apiKey.count()).toBe(0);
    expect(await db.user.count()).toBe(1);
  });

  it("is refused by the routes the app server serves itself: the chatroom and the API", async () => {
    const chat = await fetch(`${api.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin.headers.cookie, "x-csrf-token": admin.csrf },
      body: body({ prompt: `Hello ${LONE}`, columns: [{ modelId: "sandbox/swift-mini" }] }),
    });
    await expectRefused(chat, "prompt");
    expect(await db.message.count()).toBe(0);

    apiKey = (await (await import("@/lib/auth/api-keys")).createApiKey(admin.id, { name: "surrogates" })).key;
    const completion = await fetch(`${api.url}/api/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body: body({ model: "sandbox/swift-mini", messages: [{ role: "user", content: `Hi ${LONE}` }] }),
    });
    await expectRefused(completion, "messages.0.content");
    expect(await db.generation.count()).toBe(0);
  });

  it("does not refuse a well-formed pair, nor a backslash followed by the letters", async () => {
    const keys = await import("@/app/api/keys/route");
    const pair = await keys.POST(jsonRequest("/api/keys", JSON.stringify({ name: "emoji \ud83d\ude00" })));
    expect(pair.status).toBe(201);
    const escaped = await keys.POST(jsonRequest("/api/keys", JSON.stringify({ name: "literal \\ud800" })));
    expect(escaped.status).toBe(201);
  });
});
