// Each API format's event sequence, event by event, against recorded fixtures
// (tests/fixtures/api-formats/<format>-<provider stream>.sse): a fake provider replays the
// recorded provider streams (tests/fixtures/provider-streams — text, reasoning with cached
// usage, a streamed tool call, an error after the first tokens) and the Responses and Messages
// streams made of them must match, ids and timestamps aside. And since there is one engine,
// the same provider stream leaves the same ledger row whatever the format, streamed or whole.
// UPDATE_API_FIXTURES=1 rewrites the recordings (review the diff before committing it).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../helpers/auth";
import { appServer } from "../helpers/app-server";
import { fixtureBytes, type FixtureName } from "../helpers/provider-fixtures";
import { createTestDatabase } from "../helpers/test-db";
import { SseDecoder } from "@/lib/streaming/sse";

const RECORDINGS = path.join(__dirname, "..", "fixtures", "api-formats");
const MODELS = {
  openai: "openai/gpt-4o-mini",
  openrouter: "openrouter/openai/gpt-4o-mini",
  "python-spaced": "pyserver/qwen2.5-7b-instruct",
  "openrouter-error": "openrouter/openai/gpt-4o-mini",
} satisfies Partial<Record<FixtureName, string>>;
type Fixture = keyof typeof MODELS;
const FIXTURES = Object.keys(MODELS) as Fixture[];

let upstream: http.Server;
let url: string;
let key: string;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: () => Promise<void>;
let resetHealth: () => void;

// The fake provider answers with the provider stream named by the last message.
function serveFixtures(): Promise<string> {
  upstream = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const last = JSON.parse(raw).messages.at(-1).content;
    const name = (typeof last === "string" ? last : last[0].text) as Fixture;
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(fixtureBytes(name));
  });
  return new Promise((resolve) => upstream.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(upstream.address() as { port: number }).port}/v1`)));
}

beforeAll(async () => {
  const fake = await serveFixtures();
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    CATALOG_REFRESH_HOURS: "0",
    OPENAI_API_KEY: "k",
    OPENAI_BASE_URL: fake,
    OPENROUTER_API_KEY: "k",
    OPENROUTER_BASE_URL: fake,
    CUSTOM_PROVIDER_PYSERVER_BASE_URL: fake,
    CUSTOM_PROVIDER_PYSERVER_MODELS: "qwen2.5-7b-instruct",
  });
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  resetHealth = (await import("@/lib/router/health")).resetHealth;
  const { createApiKey } = await import("@/lib/auth/api-keys");
  key = (await createApiKey((await signInAs()).id, { name: "formats" })).key;
  url = (await appServer()).url;
});

afterAll(async () => {
  await new Promise((resolve) => upstream?.close(resolve));
});

const FORMATS = {
  chat: { path: "/api/v1/chat/completions", body: (fixture: Fixture, stream: boolean) => ({ model: MODELS[fixture], stream, messages: [{ role: "user", content: fixture }] }) },
  responses: { path: "/api/v1/responses", body: (fixture: Fixture, stream: boolean) => ({ model: MODELS[fixture], stream, store: false, input: fixture }) },
  messages: { path: "/api/v1/messages", body: (fixture: Fixture, stream: boolean) => ({ model: MODELS[fixture], stream, max_tokens: 512, messages: [{ role: "user", content: [{ type: "text", text: fixture }] }] }) },
};
type Format = keyof typeof FORMATS;

async function call(format: Format, fixture: Fixture, stream: boolean): Promise<{ id: string; text: string }> {
  // Endpoints serving the same model are ordered by what the router saw: each call starts from none.
  resetHealth();
  const { path: route, body } = FORMATS[format];
  const response = await fetch(`${url}${route}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body(fixture, stream)) });
  return { id: response.headers.get("x-generation-id")!, text: await response.text() };
}

interface Event {
  event: string | null;
  data: unknown;
}

function parseEvents(text: string): Event[] {
  const decoder = new SseDecoder();
  return [...decoder.push(text), ...decoder.flush()].map((m) => ({ event: m.event, data: JSON.parse(m.data) }));
}

/** The stream's events with the generation's id and the clock taken out. */
function eventsOf(text: string, id: string): Event[] {
  const anonymised = text.replaceAll(id, "GEN").replaceAll(id.slice("gen-".length), "GEN").replace(/"(created_at|completed_at)":\d+/g, '"$1":0');
  return parseEvents(anonymised);
}

function recorded(name: string, events: Event[]): Event[] {
  const file = path.join(RECORDINGS, `${name}.sse`);
  if (process.env.UPDATE_API_FIXTURES === "1" || !fs.existsSync(file)) {
    fs.mkdirSync(RECORDINGS, { recursive: true });
    fs.writeFileSync(file, events.map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join(""));
  }
  return parseEvents(fs.readFileSync(file, "utf8"));
}

describe("each format's event sequence, as recorded", () => {
  for (const format of ["responses", "messages"] as const) {
    it.each(FIXTURES)(`${format}: %s`, async (fixture) => {
      const { id, text } = await call(format, fixture, true);
      const events = eventsOf(text, id);
      const expected = recorded(`${format}-${fixture}`, events);
      expect(events.length).toBe(expected.length);
      events.forEach((event, i) => expect({ i, ...event }).toEqual({ i, ...expected[i] }));
    });
  }
});

const FIELDS = { provider: true, upstreamModel: true, status: true, promptTokens: true, completionTokens: true, reasoningTokens: true, cachedTokens: true, usageEstimated: true, costPico: true } as const;

async function rowOf(id: string) {
  await flushLedger();
  return db.generation.findUniqueOrThrow({ where: { id }, select: FIELDS });
}

describe("one engine: the same provider stream, the same ledger row in every format", () => {
  it.each(FIXTURES)("%s", async (fixture) => {
    const expected = await rowOf((await call("chat", fixture, true)).id);
    expect(expected.promptTokens).toBeGreaterThan(0);
    for (const format of ["responses", "messages"] as const) {
      expect(await rowOf((await call(format, fixture, true)).id)).toEqual(expected);
      if (fixture !== "openrouter-error") expect(await rowOf((await call(format, fixture, false)).id)).toEqual(expected);
    }
  });

  it("the answer's usage is the ledger's in every format: reasoning, cached tokens and cost", async () => {
    const row = await rowOf((await call("chat", "openrouter", false)).id);
    expect(row).toMatchObject({ cachedTokens: 8, reasoningTokens: 6 });
    const cost = Number(row.costPico) / 1e12;
    const response = JSON.parse((await call("responses", "openrouter", false)).text);
    expect(response.usage).toEqual({
      input_tokens: row.promptTokens,
      input_tokens_details: { cached_tokens: 8, cache_write_tokens: 0 },
      output_tokens: row.completionTokens,
      output_tokens_details: { reasoning_tokens: 6 },
      total_tokens: row.promptTokens + row.completionTokens,
      cost,
    });
    const message = JSON.parse((await call("messages", "openrouter", false)).text);
    expect(message.usage).toEqual({
      input_tokens: row.promptTokens - 8,
      output_tokens: row.completionTokens,
      cache_read_input_tokens: 8,
      cache_creation_input_tokens: 0,
      output_tokens_details: { thinking_tokens: 6 },
      cost,
    });
  });
});
