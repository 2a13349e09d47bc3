// GET /metrics on the real app server: off without configuration, guarded by METRICS_TOKEN or
// an admin session, and — after real calls through the API against fake providers (a success,
// a fallback, a failure, a rate-limit refusal, a response-cache hit) — a Prometheus text
// exposition that a strict reader of the format accepts, with the counts those calls made.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { parsePrometheusText, sampleValue } from "../helpers/prometheus-text";
import { createTestDatabase } from "../helpers/test-db";

const TOKEN = "metrics-token-for-tests-0123456789";
let groq: FakeUpstream;
let together: FakeUpstream;
let api: { url: string; close(): Promise<void> };
let admin: TestUser;
let member: TestUser;
let createKey: (input?: Record<string, unknown>) => Promise<string>;
let resetEnvCache: () => void;

const LLAMA = "meta-llama/llama-3.3-70b-instruct";

beforeAll(async () => {
  groq = await startFakeUpstream({ text: "groq", deltas: 4 });
  together = await startFakeUpstream({ text: "together", deltas: 4 });
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    GROQ_API_KEY: "test",
    GROQ_BASE_URL: groq.url,
    TOGETHER_API_KEY: "test",
    TOGETHER_BASE_URL: together.url,
    CATALOG_REFRESH_HOURS: "0",
    METRICS_TOKEN: TOKEN,
  });
  resetEnvCache = (await import("@/lib/env")).resetEnvCache;
  resetEnvCache();
  const { startApiServer } = await import("@/lib/server/api-server");
  api = await startApiServer();
  admin = await signInAs({ role: "admin" });
  member = await signInAs({ role: "member" });
  const { createApiKey } = await import("@/lib/auth/api-keys");
  createKey = async (input = {}) => (await createApiKey(member.id, { name: "metrics", ...input })).key;
});

afterAll(async () => {
  await api?.close();
  await Promise.all([groq?.close(), together?.close()]);
});

const scrape = (headers: Record<string, string> = {}) => fetch(`${api.url}/metrics`, { headers });

describe("GET /metrics", () => {
  it("is guarded: a bearer token or an admin session, nothing else", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: "Bearer wrong-token-wrong-token" })).status).toBe(401);
    expect((await scrape({ cookie: member.headers.cookie })).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    const byAdmin = await scrape({ cookie: admin.headers.cookie });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.headers.get("content-type")).toContain("text/plain");
  });

  it("counts what the engine did, in a valid Prometheus text exposition", async () => {
    const openai = new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: await createKey(), maxRetries: 0 });
    const { resetHealth } = await import("@/lib/router/health");
    const ask = (model: string, content: string, headers?: Record<string, string>) => openai.chat.completions.create({ model, messages: [{ role: "user", content }] }, { headers });

    // A success on groq, then one served from the response cache.
    await ask("groq/llama-3.3-70b-versatile", "cache me", { "X-Switchyard-Cache": "true" });
    await ask("groq/llama-3.3-70b-versatile", "cache me", { "X-Switchyard-Cache": "true" });
    // Groq fails: the canonical model falls back to together; pinned to groq it fails outright.
    groq.mode = "500";
    resetHealth();
    await ask(LLAMA, "fall back", { "x-unused": "1" }).then((r) => expect(r.choices[0].message.content).toContain("together"));
    await expect(ask("groq/llama-3.3-70b-versatile", "fail")).rejects.toBeInstanceOf(OpenAI.APIError);
    groq.mode = "ok";
    // A key allowed one request a minute: the second is refused by the limiter.
    const limited = new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: await createKey({ rpm: 1 }), maxRetries: 0 });
    await limited.chat.completions.create({ model: "together/meta-llama/Llama-3.3-70B-Instruct-Turbo", messages: [{ role: "user", content: "one" }] });
    await expect(limited.chat.completions.create({ model: "together/meta-llama/Llama-3.3-70B-Instruct-Turbo", messages: [{ role: "user", content: "two" }] })).rejects.toBeInstanceOf(OpenAI.RateLimitError);

    const response = await scrape({ authorization: `Bearer ${TOKEN}` });
    const families = parsePrometheusText(await response.text());
    const groqModel = { provider: "groq", model: "groq/llama-3.3-70b-versatile" };

    expect(families.get("switchyard_requests_total")?.type).toBe("counter");
    expect(sampleValue(families, "switchyard_requests_total", { ...groqModel, outcome: "done", source: "api" })).toBe(1);
    expect(sampleValue(families, "switchyard_requests_total", { ...groqModel, outcome: "cached" })).toBe(1);
    expect(sampleValue(families, "switchyard_requests_total", { ...groqModel, outcome: "error" })).toBe(1);
    expect(sampleValue(families, "switchyard_requests_total", { provider: "together", model: LLAMA, outcome: "done" })).toBe(1);
    expect(sampleValue(families, "switchyard_requests_total", { outcome: "refused" })).toBe(1);
    expect(sampleValue(families, "switchyard_errors_total", { ...groqModel, status: "500", kind: "http" })).toBe(1);
    expect(sampleValue(families, "switchyard_errors_total", { status: "429", kind: "rate_limited" })).toBe(1);
    expect(sampleValue(families, "switchyard_limiter_refusals_total", { reason: "rate_limited" })).toBe(1);
    expect(sampleValue(families, "switchyard_fallbacks_total", { provider: "groq", model: "llama-3.3-70b-versatile" })).toBe(1);
    expect(sampleValue(families, "switchyard_response_cache_hits_total", groqModel)).toBe(1);
    // The fake provider reports 11 prompt and 4 completion tokens per answer.
    expect(sampleValue(families, "switchyard_tokens_total", { ...groqModel, type: "prompt" })).toBe(11);
    expect(sampleValue(families, "switchyard_tokens_total", { ...groqModel, type: "completion" })).toBe(4);
    expect(sampleValue(families, "switchyard_cost_usd_total", groqModel)).toBeGreaterThan(0);

    expect(families.get("switchyard_time_to_first_token_seconds")?.type).toBe("histogram");
    expect(sampleValue(families, "switchyard_time_to_first_token_seconds_count", groqModel, "switchyard_time_to_first_token_seconds")).toBe(1);
    expect(sampleValue(families, "switchyard_request_duration_seconds_count", { ...groqModel, outcome: "done" }, "switchyard_request_duration_seconds")).toBe(1);
    expect(sampleValue(families, "switchyard_active_streams")).toBe(0);
    expect(sampleValue(families, "switchyard_reservations", { limit: "key_credit" })).toBe(0);
    expect(families.has("nodejs_eventloop_lag_seconds")).toBe(true);
  });

  it("is off (404) when neither METRICS_TOKEN nor METRICS_ENABLED is set", async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    try {
      expect((await scrape({ cookie: admin.headers.cookie })).status).toBe(404);
      process.env.METRICS_ENABLED = "true";
      resetEnvCache();
      expect((await scrape({ cookie: admin.headers.cookie })).status).toBe(200);
      expect((await scrape({ authorization: `Bearer ${TOKEN}` })).status).toBe(401);
    } finally {
      delete process.env.METRICS_ENABLED;
      process.env.METRICS_TOKEN = TOKEN;
      resetEnvCache();
    }
  });
});
