// The one engine with both of its sinks, over every provider family's stream: each fixture
// (tests/fixtures/provider-streams) is served by a fake provider — whole, and one byte per
// write — and called through the chat completions API (relayed and collected) and through the
// chatroom. Whatever the edge and however the bytes were cut, the ledger row is the same.
import http from "node:http";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { appServer } from "../helpers/app-server";
import { collectEvents } from "../helpers/chat-client";
import { fixtureBytes, type FixtureName } from "../helpers/provider-fixtures";
import { createTestDatabase } from "../helpers/test-db";
import type { ChatEvent } from "@/lib/streaming/events";

let upstream: http.Server;
let byteByByte = false;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: () => Promise<void>;
let user: TestUser;
let client: OpenAI;
let resetHealth: () => void;

// The fake provider answers with the fixture named by the last message.
function serveFixtures(): Promise<string> {
  upstream = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    // A tool result (the chatroom runs the fixture's tool call) gets a plain answer.
    const name = JSON.parse(raw).messages.at(-1).content as FixtureName;
    const bytes = fixtureBytes(name in MODELS ? name : "openai");
    res.writeHead(200, { "content-type": "text/event-stream" });
    if (!byteByByte) return void res.end(bytes);
    for (const byte of bytes) {
      res.write(Buffer.from([byte]));
      await new Promise((r) => setImmediate(r));
    }
    res.end();
  });
  return new Promise((resolve) => upstream.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(upstream.address() as { port: number }).port}/v1`)));
}

const MODELS: Record<FixtureName, string> = {
  openai: "openai/gpt-4o-mini",
  openrouter: "openrouter/openai/gpt-4o-mini",
  "openrouter-cache": "openrouter/anthropic/claude-sonnet-4.5",
  "openrouter-error": "openrouter/openai/gpt-4o-mini",
  gemini: "gemini/gemini-2.5-flash",
  groq: "groq/llama-3.3-70b-versatile",
  ollama: "ollama/llama3.2",
  deepseek: "deepseek/deepseek-v4-pro",
  "python-spaced": "pyserver/qwen2.5-7b-instruct",
};

beforeAll(async () => {
  const url = await serveFixtures();
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    CATALOG_REFRESH_HOURS: "0",
    OPENAI_API_KEY: "k",
    OPENAI_BASE_URL: url,
    OPENROUTER_API_KEY: "k",
    OPENROUTER_BASE_URL: url,
    GEMINI_API_KEY: "k",
    GEMINI_BASE_URL: url,
    GROQ_API_KEY: "k",
    GROQ_BASE_URL: url,
    DEEPSEEK_API_KEY: "k",
    DEEPSEEK_BASE_URL: url,
    OLLAMA_BASE_URL: url,
    CUSTOM_PROVIDER_PYSERVER_BASE_URL: url,
    CUSTOM_PROVIDER_PYSERVER_MODELS: "qwen2.5-7b-instruct",
  });
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  user = await signInAs();
  resetHealth = (await import("@/lib/router/health")).resetHealth;
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { key } = await createApiKey(user.id, { name: "fixtures" });
  client = new OpenAI({ baseURL: `${(await appServer()).url}/api/v1`, apiKey: key, maxRetries: 0 });
});

afterAll(async () => {
  await new Promise((resolve) => upstream?.close(resolve));
});

const FIELDS = { provider: true, upstreamModel: true, status: true, promptTokens: true, completionTokens: true, reasoningTokens: true, cachedTokens: true, cacheWriteTokens: true, cacheSavingsPico: true, usageEstimated: true, costPico: true, pricePromptPico: true } as const;

async function rowOf(where: { id?: string; messageId?: string }) {
  await flushLedger();
  return db.generation.findFirstOrThrow({ where, select: FIELDS, orderBy: { createdAt: "asc" } });
}

// Providers that serve the same model are ordered by what the router saw of them: each call
// starts from none, so every edge picks the same endpoint.
async function viaApi(name: FixtureName, stream: boolean) {
  resetHealth();
  const messages = [{ role: "user" as const, content: name }];
  if (stream) {
    const response = await client.chat.completions.create({ model: MODELS[name], messages, stream: true }).withResponse();
    const id = response.response.headers.get("x-generation-id")!;
    try {
      // Every relayed chunk names the generation and the model asked for, however the provider wrote its JSON.
      for await (const chunk of response.data) expect([chunk.id, chunk.model]).toEqual([id, MODELS[name]]);
    } catch (error) {
      // The error fixture ends with an error chunk: the SDK raises it.
      if (name !== "openrouter-error") throw error;
    }
    return rowOf({ id });
  }
  const response = await client.chat.completions.create({ model: MODELS[name], messages }).withResponse().catch((e) => e);
  const id = response.response?.headers.get("x-generation-id") ?? response.headers?.get("x-generation-id");
  return rowOf({ id });
}

async function viaChat(name: FixtureName) {
  resetHealth();
  const { url } = await appServer();
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: user.headers.cookie, "x-csrf-token": user.csrf },
    body: JSON.stringify({ prompt: name, columns: [{ modelId: MODELS[name] }] }),
  });
  const events = await collectEvents(response);
  const start = events.find((e): e is Extract<ChatEvent, { type: "column-start" }> => e.type === "column-start")!;
  return rowOf({ messageId: start.messageId });
}

describe("one engine, both sinks, every provider family", () => {
  it.each(Object.keys(MODELS) as FixtureName[])("%s: the same ledger row through the API (streamed, whole) and the chatroom, whole or byte by byte", async (name) => {
    byteByByte = false;
    const expected = await viaApi(name, true);
    expect(expected.status).toBe(name === "openrouter-error" ? "error" : "done");
    expect(expected.promptTokens).toBeGreaterThan(0);
    expect(expected.completionTokens).toBeGreaterThan(0);
    if (name !== "ollama" && name !== "python-spaced") expect(expected.costPico).toBeGreaterThan(0n);
    if (name !== "openrouter-error") expect(await viaApi(name, false)).toEqual(expected);
    expect(await viaChat(name)).toEqual(expected);
    byteByByte = true;
    expect(await viaApi(name, true)).toEqual(expected);
    expect(await viaChat(name)).toEqual(expected);
  });

  it("reports what each provider said, and counts what one did not say", async () => {
    byteByByte = false;
    expect(await viaApi("openrouter", true)).toMatchObject({ promptTokens: 24, completionTokens: 19, cachedTokens: 8, reasoningTokens: 6, costPico: 15_000_000n, usageEstimated: false });
    expect(await viaApi("openrouter-cache", true)).toMatchObject({ promptTokens: 2100, completionTokens: 40, cachedTokens: 1800, cacheWriteTokens: 200, reasoningTokens: 12, costPico: 2_190_000_000n, usageEstimated: false });
    expect(await viaApi("groq", true)).toMatchObject({ promptTokens: 41, completionTokens: 13, usageEstimated: false });
    expect(await viaApi("deepseek", true)).toMatchObject({ cachedTokens: 16, reasoningTokens: 8, usageEstimated: false });
    expect(await viaApi("ollama", true)).toMatchObject({ usageEstimated: true, costPico: 0n });
    // The error came after four tokens: no usage was reported, so what was delivered is counted.
    expect(await viaApi("openrouter-error", true)).toMatchObject({ status: "error", usageEstimated: true });
  });
});
