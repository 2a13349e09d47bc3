// Contract tests: the official `openai` client against the router API, with the sandbox and
// fake OpenAI-compatible providers as real HTTP servers.
import OpenAI from "openai";
import { signInAs } from "../helpers/auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxServer } from "@/lib/providers/sandbox/server";
import { createTestDatabase } from "../helpers/test-db";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { MAX_BODY_BYTES } from "@/lib/http/body-limit";

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let groq: FakeUpstream;
let together: FakeUpstream;
let api: { url: string; close(): Promise<void> };
let key: string;
let client: OpenAI;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: () => Promise<void>;
let createKey: (input: Record<string, unknown>) => Promise<string>;

const LLAMA = "meta-llama/llama-3.3-70b-instruct";

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, speed: 1000 });
  groq = await startFakeUpstream({ text: "groq" });
  together = await startFakeUpstream({ text: "together" });
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "true",
    SANDBOX_BASE_URL: sandbox.url,
    GROQ_API_KEY: "test",
    GROQ_BASE_URL: groq.url,
    TOGETHER_API_KEY: "test",
    TOGETHER_BASE_URL: together.url,
    UPSTREAM_TIMEOUT_MS: "1500",
    UPSTREAM_IDLE_TIMEOUT_MS: "1500",
    CATALOG_REFRESH_HOURS: "0",
  });
  const { startApiServer } = await import("@/lib/server/api-server");
  const { createApiKey } = await import("@/lib/auth/api-keys");
    db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  api = await startApiServer();
  const userId = (await signInAs()).id;
  createKey = async (input) => (await createApiKey(userId, { name: "test", ...input })).key;
  key = await createKey({ name: "contract" });
  client = new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: key, maxRetries: 0 });
});

afterAll(async () => {
  await api?.close();
  await Promise.all([sandbox?.close(), groq?.close(), together?.close()]);
});

beforeEach(async () => {
  groq.mode = "ok";
  together.mode = "ok";
  const { resetHealth } = await import("@/lib/router/health");
  resetHealth();
});

async function generation(id: string) {
  await flushLedger();
  return db.generation.findUniqueOrThrow({ where: { id } });
}

describe("chat completions through the openai client", () => {
  it("streams chunks, a final usage chunk with cost and provider, and names the generation", async () => {
    const { data: stream, response } = await client.chat.completions
      .create({ model: "sandbox/swift-mini", stream: true, messages: [{ role: "user", content: "Say hello [[sandbox:tokens=12]]" }] })
      .withResponse();
    const generationId = response.headers.get("x-generation-id")!;
    expect(generationId).toMatch(/^gen-/);
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    let text = "";
    let usage: (OpenAI.CompletionUsage & { cost?: number }) | undefined;
    let provider: string | undefined;
    for await (const chunk of stream) {
      expect(chunk.id).toBe(generationId);
      text += chunk.choices[0]?.delta?.content ?? "";
      if (chunk.usage) {
        usage = chunk.usage as typeof usage;
        provider = (chunk as unknown as { provider: string }).provider;
      }
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBe(12);
    expect(usage?.cost).toBeGreaterThan(0);
    expect(provider).toMatch(/Sandbox/);
    const row = await generation(generationId);
    expect(row).toMatchObject({ source: "api", status: "done", completionTokens: 12, usageEstimated: false });
    expect(Number(row.costPico) / 1e12).toBeCloseTo(usage!.cost!, 12);
  });

  it("answers non-streaming requests with usage and cost", async () => {
    const completion = await client.chat.completions.create({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "Hi [[sandbox:tokens=7]]" }] });
    expect(completion.id).toMatch(/^gen-/);
    expect(completion.model).toBe("sandbox/swift-mini");
    expect(completion.choices[0].message.content?.length).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBe(7);
    expect((completion.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
    const row = await generation(completion.id);
    expect(row.status).toBe("done");
  });

  it("round-trips a tool call, streaming and not", async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      { type: "function", function: { name: "calculator", description: "Exact arithmetic", parameters: { type: "object", properties: { expression: { type: "string" } }, required: ["expression"] } } },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "What is 12*7+3?" }];
    const first = await client.chat.completions.create({ model: "sandbox/nimbus-tools", messages, tools });
    const call = first.choices[0].message.tool_calls?.[0];
    expect(first.choices[0].finish_reason).toBe("tool_calls");
    expect(call?.type === "function" && call.function.name).toBe("calculator");
    messages.push(first.choices[0].message, { role: "tool", tool_call_id: call!.id, content: "87" });
    const stream = await client.chat.completions.create({ model: "sandbox/nimbus-tools", messages, tools, stream: true });
    let answer = "";
    for await (const chunk of stream) answer += chunk.choices[0]?.delta?.content ?? "";
    expect(answer).toContain("87");

    const streamedCall = await client.chat.completions.create({ model: "sandbox/nimbus-tools", messages: [{ role: "user", content: "What is 2+2?" }], tools, stream: true });
    let args = "";
    let name = "";
    for await (const chunk of streamedCall) {
      const delta = chunk.choices[0]?.delta?.tool_calls?.[0];
      if (delta?.function?.name) name = delta.function.name;
      args += delta?.function?.arguments ?? "";
    }
    expect(name).toBe("calculator");
    expect(JSON.parse(args)).toHaveProperty("expression");
  });

  it("refuses tools for a model that cannot call them", async () => {
    const error = await client.chat.completions
      .create({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "2+2" }], tools: [{ type: "function", function: { name: "calc", parameters: {} } }] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect([400, 404]).toContain(error.status);
    expect(error.message).toMatch(/tool/);
  });
});

describe("fallback", () => {
  it.each(["500", "429", "drop-before-content"] as const)("falls back to the second provider when the first answers %s", async (mode) => {
    groq.mode = mode;
    const before = { groq: groq.requests.length, together: together.requests.length };
    const { data: stream, response } = await client.chat.completions
      .create({ model: LLAMA, stream: true, messages: [{ role: "user", content: "hi" }], provider: { order: ["groq", "together"] } } as never)
      .withResponse();
    let text = "";
    for await (const chunk of stream as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text).toContain("together");
    expect(text).not.toContain("groq");
    expect(groq.requests.length).toBe(before.groq + 1);
    expect(together.requests.length).toBe(before.together + 1);
    const row = await generation(response.headers.get("x-generation-id")!);
    expect(row.provider).toBe("together");
    const attempts = JSON.parse(row.attempts);
    expect(attempts.map((a: { provider: string; status: string }) => `${a.provider}:${a.status}`)).toEqual(["groq:error", "together:ok"]);
  });

  it("falls back to the next model in `models`", async () => {
    groq.mode = "500";
    together.mode = "500";
    const completion = await client.chat.completions.create({ model: LLAMA, models: [LLAMA, "sandbox/swift-mini"], messages: [{ role: "user", content: "hi [[sandbox:tokens=3]]" }] } as never);
    expect((completion as unknown as { provider: string }).provider).toMatch(/Sandbox/);
  });

  it("ends the stream with an error chunk when the upstream fails after the first token", async () => {
    groq.mode = "drop-mid-stream";
    const { data: stream, response } = await client.chat.completions
      .create({ model: LLAMA, stream: true, messages: [{ role: "user", content: "hi" }], provider: { order: ["groq", "together"] } } as never)
      .withResponse();
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    const error = await (async () => {
      for await (const chunk of stream as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>) chunks.push(chunk);
    })().catch((e) => e);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    expect(text).toContain("groq");
    expect(text).not.toContain("together");
    // The SDK surfaces the error chunk as an APIError.
    expect(error).toBeInstanceOf(Error);
    const row = await generation(response.headers.get("x-generation-id")!);
    expect(row.status).toBe("error");
    expect(row.usageEstimated).toBe(true);
    expect(row.completionTokens).toBeGreaterThan(0);
  });

  it("skips a provider that keeps failing for a cool-down", async () => {
    groq.mode = "500";
    for (let i = 0; i < 3; i++) await client.chat.completions.create({ model: LLAMA, messages: [{ role: "user", content: "hi" }], provider: { order: ["groq", "together"] } } as never);
    const before = groq.requests.length;
    await client.chat.completions.create({ model: LLAMA, messages: [{ role: "user", content: "hi" }] });
    expect(groq.requests.length).toBe(before);
  });
});

describe("errors in OpenAI's shape", () => {
  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/api/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers }, body });

  it("401 without a valid key", async () => {
    const anonymous = new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: "sk-sy-v1-nope", maxRetries: 0 });
    const error = await anonymous.chat.completions.create({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(error.status).toBe(401);
    expect(error.error).toMatchObject({ type: "authentication_error" });
  });

  it("400 for malformed JSON and for a schema violation", async () => {
    const bad = await raw("{not json");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ type: "invalid_request_error", message: expect.stringMatching(/JSON/) });
    const schema = await raw(JSON.stringify({ model: "sandbox/swift-mini", messages: [] }));
    expect(schema.status).toBe(400);
    expect((await schema.json()).error.param).toBe("messages");
  });

  it("404 for an unknown model", async () => {
    const error = await client.chat.completions.create({ model: "nobody/nothing", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(error.status).toBe(404);
    expect(error.error.type).toBe("not_found_error");
  });

  it("413 for a body that is too large", async () => {
    const response = await raw(JSON.stringify({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "x".repeat(MAX_BODY_BYTES + 1) }] }));
    expect(response.status).toBe(413);
  });

  it("503 when preferences leave no provider", async () => {
    const error = await client.chat.completions.create({ model: LLAMA, messages: [{ role: "user", content: "x" }], provider: { only: ["fireworks"] } } as never).catch((e) => e);
    expect(error.status).toBe(503);
  });

  it("502 when every fallback failed", async () => {
    groq.mode = "500";
    together.mode = "500";
    const error = await client.chat.completions.create({ model: LLAMA, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/500/);
  });

  it("408 when the upstream does not answer in time", async () => {
    groq.mode = "hang";
    together.mode = "hang";
    const error = await client.chat.completions.create({ model: LLAMA, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(error.status).toBe(408);
  });

  it("404 for unknown routes under /api/v1", async () => {
    const response = await fetch(`${api.url}/api/v1/nothing`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});

describe("limits and credit", () => {
  it("429 with Retry-After once a key's requests per minute are used", async () => {
    const limited = new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: await createKey({ rpm: 2 }), maxRetries: 0 });
    const ask = () => limited.chat.completions.create({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "x [[sandbox:tokens=2]]" }] }).withResponse();
    await ask();
    await ask();
    const error = await ask().catch((e) => e);
    expect(error.status).toBe(429);
    expect(error.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(error.message).toMatch(/2 requests per minute/);
  });

  it("402 before calling the upstream when the worst case exceeds the credit left", async () => {
    const poor = new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: await createKey({ creditLimitUsd: "0.000001" }), maxRetries: 0 });
    // Earlier tests' ledger rows are committed lazily: count after they are in.
    await flushLedger();
    const before = await db.generation.count();
    const error = await poor.chat.completions.create({ model: "sandbox/atlas-large", max_tokens: 1000, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(error.status).toBe(402);
    await flushLedger();
    expect(await db.generation.count()).toBe(before);
  });

  it("admits exactly the limit when 100 requests arrive at once", async () => {
    const limited = await createKey({ rpm: 10 });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${api.url}/api/v1/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${limited}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "x [[sandbox:tokens=1]]" }] }),
        }).then(async (r) => (await r.text(), r.status)),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(90);
  });

  it("100 simultaneous requests cannot overspend a key", async () => {
    // atlas-large worst case at 100 max tokens ≈ $0.0015 + prompt: a $0.01 budget fits a handful.
    const budgetKey = await createKey({ creditLimitUsd: "0.01" });
    const bodies = Array.from({ length: 100 }, () =>
      fetch(`${api.url}/api/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${budgetKey}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "sandbox/atlas-large", max_tokens: 100, messages: [{ role: "user", content: "x [[sandbox:tokens=100]]" }] }),
      }).then(async (r) => (await r.text(), r.status)),
    );
    const statuses = await Promise.all(bodies);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 402).length).toBeGreaterThan(0);
    await flushLedger();
    const keyRow = await db.apiKey.findFirstOrThrow({ where: { hash: { not: "" } }, orderBy: { createdAt: "desc" } });
    const spent = await db.generation.aggregate({ where: { apiKeyId: keyRow.id }, _sum: { costPico: true } });
    expect(spent._sum.costPico! <= 10_000_000_000n).toBe(true);
  });
});

describe("reliability", () => {
  it("a client that disconnects mid-stream still leaves a generation record with what was relayed", async () => {
    const controller = new AbortController();
    const response = await fetch(`${api.url}/api/v1/chat/completions`, {
      method: "POST",
      signal: controller.signal,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: LLAMA, stream: true, messages: [{ role: "user", content: "long" }], provider: { order: ["together"] } }),
    });
    groq.mode = "ok";
    const id = response.headers.get("x-generation-id")!;
    const reader = response.body!.getReader();
    let seen = "";
    while (!seen.includes("together")) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await new Promise((r) => setTimeout(r, 200));
    const row = await generation(id);
    expect(row.status).toBe("stopped");
    expect(row.usageEstimated).toBe(true);
    expect(row.completionTokens).toBeGreaterThan(0);
  });
});

describe("info endpoints", () => {
  it("GET /models lists models in OpenRouter's shape", async () => {
    const response = await fetch(`${api.url}/api/v1/models`);
    const { data } = await response.json();
    const llama = data.find((m: { id: string }) => m.id === LLAMA);
    expect(llama.pricing.prompt).toMatch(/^\d+(\.\d+)?$/);
    expect(llama.context_length).toBeGreaterThan(0);
    expect(Array.isArray(llama.supported_parameters)).toBe(true);
    expect(data.some((m: { id: string }) => m.id === "sandbox/swift-mini")).toBe(true);
  });

  it("GET /generation gives the stats of one generation, GET /key the key's usage", async () => {
    const completion = await client.chat.completions.create({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "x [[sandbox:tokens=4]]" }] });
    await flushLedger();
    const stats = await (await fetch(`${api.url}/api/v1/generation?id=${completion.id}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(stats.data).toMatchObject({ id: completion.id, model: "sandbox/swift-mini", provider_name: "sandbox", tokens_completion: 4 });
    expect(stats.data.attempts).toHaveLength(1);
    const info = await (await fetch(`${api.url}/api/v1/key`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(info.data.label).toBe("contract");
    expect(info.data.usage_daily).toBeGreaterThan(0);
  });
  it("GET /generation right after the answer sees the finished row (ledger rows wait up to 50 ms for a commit)", async () => {
    const completion = await client.chat.completions.create({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "y [[sandbox:tokens=3]]" }] });
    const stats = await (await fetch(`${api.url}/api/v1/generation?id=${completion.id}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(stats.data).toMatchObject({ id: completion.id, tokens_completion: 3 });
    expect(stats.data.status).toBe("done");
  });
});

describe("quirks on the API path", () => {
  const long = Array.from({ length: 40_000 }, (_, i) => `w${i}`).join(" ");

  it("refuses a prompt larger than the context window before calling upstream", async () => {
    const error = await client.chat.completions.create({ model: "sandbox/echo-free", messages: [{ role: "user", content: long }] }).catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("context_length_exceeded");
  });

  it("trims the middle of the conversation with transforms: middle-out", async () => {
    const messages = [
      { role: "user", content: "First" },
      { role: "assistant", content: long },
      { role: "user", content: "Latest [[sandbox:tokens=5]]" },
    ];
    const { data, response } = await client.chat.completions.create({ model: "sandbox/echo-free", messages, transforms: ["middle-out"] } as never).withResponse();
    expect(response.headers.get("x-switchyard-trimmed-messages")).toBe("1");
    expect(data.usage?.completion_tokens).toBe(5);
  });

  it("drops a parameter the provider does not take and names it in a header", async () => {
    const before = groq.requests.length;
    const { response } = await client.chat.completions
      .create({ model: LLAMA, messages: [{ role: "user", content: "hi" }], reasoning: { effort: "low" }, provider: { order: ["groq"] } } as never)
      .withResponse();
    expect(response.headers.get("x-switchyard-dropped-params")).toBe("reasoning");
    expect(groq.requests.slice(before)[0].body).not.toHaveProperty("reasoning");
  });
});
