// The opt-in response cache, through the real API server and the official `openai` client,
// against a fake OpenAI-compatible provider that counts its calls: a repeated request is
// answered from the cache (streamed or whole) without calling the provider, costs $0 and is
// one ledger row marked as a hit with the tokens and money it saved; it never crosses users
// unless an admin shares the cache; headers ask for it, bypass it, or refuse bad values.
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { createTestDatabase } from "../helpers/test-db";

let upstream: FakeUpstream;
let api: { url: string; close(): Promise<void> };
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: () => Promise<void>;
let admin: TestUser;
let member: TestUser;
let keyFor: (user: TestUser, input?: Record<string, unknown>) => Promise<string>;
let settingsRoute: typeof import("@/app/api/settings/response-cache/route");

const MODEL = "groq/llama-3.3-70b-versatile";
let prompt = 0;
/** A prompt no earlier test has sent. */
const fresh = () => [{ role: "user" as const, content: `question ${++prompt}` }];

beforeAll(async () => {
  upstream = await startFakeUpstream({ text: "cached", deltas: 5 });
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    GROQ_API_KEY: "test",
    GROQ_BASE_URL: upstream.url,
    CATALOG_REFRESH_HOURS: "0",
  });
  (await import("@/lib/env")).resetEnvCache();
  const { startApiServer } = await import("@/lib/server/api-server");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  settingsRoute = await import("@/app/api/settings/response-cache/route");
  api = await startApiServer();
  member = await signInAs({ role: "member" });
  admin = await signInAs({ role: "admin" });
  keyFor = async (user, input = {}) => (await createApiKey(user.id, { name: "cache", ...input })).key;
});

afterAll(async () => {
  await api?.close();
  await upstream?.close();
});

beforeEach(async () => {
  (await import("@/lib/router/health")).resetHealth();
  await setShared(false);
});

function client(key: string, headers: Record<string, string> = {}): OpenAI {
  return new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: key, maxRetries: 0, defaultHeaders: headers });
}

async function setShared(shared: boolean): Promise<void> {
  const response = await settingsRoute.PUT(appRequest("/api/settings/response-cache", { method: "PUT", body: JSON.stringify({ shared }), as: admin }));
  expect(response.status).toBe(200);
}

async function row(id: string) {
  await flushLedger();
  return db.generation.findUniqueOrThrow({ where: { id } });
}

describe("the response cache", () => {
  it("answers a repeated request from the cache: no upstream call, $0, one ledger row marked as a hit with what it saved", async () => {
    const openai = client(await keyFor(member, { responseCache: true }));
    const messages = fresh();
    const first = await openai.chat.completions.create({ model: MODEL, messages }).withResponse();
    const calls = upstream.requests.length;
    const second = await openai.chat.completions.create({ model: MODEL, messages }).withResponse();

    expect(upstream.requests.length).toBe(calls);
    expect(first.response.headers.get("x-switchyard-cache")).toBeNull();
    expect(second.response.headers.get("x-switchyard-cache")).toBe("hit");
    expect(second.data.choices[0].message.content).toBe(first.data.choices[0].message.content);
    expect(second.data.usage).toMatchObject({ prompt_tokens: first.data.usage!.prompt_tokens, completion_tokens: first.data.usage!.completion_tokens });
    expect((second.data.usage as unknown as { cost: number }).cost).toBe(0);

    const original = await row(first.data.id);
    const hit = await row(second.data.id);
    expect(original).toMatchObject({ responseCacheHit: false, status: "done" });
    expect(original.costPico).toBeGreaterThan(0n);
    expect(hit).toMatchObject({
      responseCacheHit: true,
      status: "done",
      costPico: 0n,
      promptTokens: 0,
      completionTokens: 0,
      savedPromptTokens: original.promptTokens,
      savedCompletionTokens: original.completionTokens,
      cacheSavingsPico: original.costPico,
      provider: "groq",
    });
  });

  it("replays a stream at full speed through the same relay, and serves a whole answer from a streamed one", async () => {
    const openai = client(await keyFor(member), { "X-Switchyard-Cache": "true" });
    const messages = fresh();
    const collect = async () => {
      const { data, response } = await openai.chat.completions.create({ model: MODEL, messages, stream: true, stream_options: { include_usage: true } }).withResponse();
      let text = "";
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of data) {
        text += chunk.choices[0]?.delta?.content ?? "";
        if (chunk.usage) usage = chunk.usage;
      }
      return { text, usage, cache: response.headers.get("x-switchyard-cache") };
    };
    const first = await collect();
    const calls = upstream.requests.length;
    const replay = await collect();
    expect(upstream.requests.length).toBe(calls);
    expect(replay).toMatchObject({ text: first.text, cache: "hit" });
    expect((replay.usage as unknown as { cost: number }).cost).toBe(0);
    expect(replay.usage?.completion_tokens).toBe(first.usage?.completion_tokens);

    const whole = await openai.chat.completions.create({ model: MODEL, messages }).withResponse();
    expect(whole.response.headers.get("x-switchyard-cache")).toBe("hit");
    expect(whole.data.choices[0].message.content).toBe(first.text);
    expect(upstream.requests.length).toBe(calls);
  });

  it("is off unless asked for, and Cache-Control: no-cache fetches a fresh answer", async () => {
    const key = await keyFor(member);
    const messages = fresh();
    const plain = client(key);
    await plain.chat.completions.create({ model: MODEL, messages });
    const before = upstream.requests.length;
    await plain.chat.completions.create({ model: MODEL, messages });
    expect(upstream.requests.length).toBe(before + 1);

    const cached = client(key, { "X-Switchyard-Cache": "true" });
    await cached.chat.completions.create({ model: MODEL, messages });
    const stored = upstream.requests.length;
    const bypass = await client(key, { "X-Switchyard-Cache": "true", "Cache-Control": "no-cache" }).chat.completions.create({ model: MODEL, messages }).withResponse();
    expect(upstream.requests.length).toBe(stored + 1);
    expect(bypass.response.headers.get("x-switchyard-cache")).toBeNull();
    // A key that caches can opt one request out.
    const optedOut = client(await keyFor(member, { responseCache: true }), { "X-Switchyard-Cache": "false" });
    await optedOut.chat.completions.create({ model: MODEL, messages });
    expect(upstream.requests.length).toBe(stored + 2);
  });

  it("keys on the whole request: other parameters or another model miss", async () => {
    const openai = client(await keyFor(member, { responseCache: true }));
    const messages = fresh();
    await openai.chat.completions.create({ model: MODEL, messages, temperature: 0.2 });
    const before = upstream.requests.length;
    await openai.chat.completions.create({ model: MODEL, messages, temperature: 0.3 });
    await openai.chat.completions.create({ model: MODEL, messages, temperature: 0.2, max_tokens: 50 });
    expect(upstream.requests.length).toBe(before + 2);
    const hit = await openai.chat.completions.create({ model: MODEL, messages, temperature: 0.2 }).withResponse();
    expect(hit.response.headers.get("x-switchyard-cache")).toBe("hit");
  });

  it("never answers one user with another's answer, unless an admin shares the cache", async () => {
    const messages = fresh();
    const mine = client(await keyFor(member, { responseCache: true }));
    const theirs = client(await keyFor(admin, { responseCache: true }));
    await mine.chat.completions.create({ model: MODEL, messages });
    const other = await theirs.chat.completions.create({ model: MODEL, messages }).withResponse();
    expect(other.response.headers.get("x-switchyard-cache")).toBeNull();

    await setShared(true);
    const shared = fresh();
    await mine.chat.completions.create({ model: MODEL, messages: shared });
    const before = upstream.requests.length;
    const across = await theirs.chat.completions.create({ model: MODEL, messages: shared }).withResponse();
    expect(across.response.headers.get("x-switchyard-cache")).toBe("hit");
    expect(upstream.requests.length).toBe(before);

    const forbidden = await settingsRoute.PUT(appRequest("/api/settings/response-cache", { method: "PUT", body: JSON.stringify({ shared: false }), as: member }));
    expect(forbidden.status).toBe(403);
  });

  it("answers bad cache headers with a 400 in OpenAI's shape", async () => {
    const key = await keyFor(member);
    const cases: Record<string, string>[] = [{ "X-Switchyard-Cache": "maybe" }, { "X-Switchyard-Cache": "true", "X-Switchyard-Cache-TTL": "-5" }];
    for (const headers of cases) {
      const response = await fetch(`${api.url}/api/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
        body: JSON.stringify({ model: MODEL, messages: fresh() }),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.type).toBe("invalid_request_error");
    }
  });
});
