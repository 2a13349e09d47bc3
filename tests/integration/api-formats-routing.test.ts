// The Responses and Messages formats route, fall back and enforce keys and limits exactly as
// chat completions does (they are the same engine): provider fallback and the `models` list,
// 402 before any upstream call, 429 with Retry-After, 502 when every endpoint failed — each
// answered in the format's own error shape, each call one ledger row with its attempts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApiApp, type ApiApp } from "../helpers/api-app";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";

let app: ApiApp;
let groq: FakeUpstream;
let together: FakeUpstream;
let key: string;

const LLAMA = "meta-llama/llama-3.3-70b-instruct";

beforeAll(async () => {
  groq = await startFakeUpstream({ text: "groq" });
  together = await startFakeUpstream({ text: "together" });
  app = await startApiApp({ GROQ_API_KEY: "test", GROQ_BASE_URL: groq.url, TOGETHER_API_KEY: "test", TOGETHER_BASE_URL: together.url });
  key = await app.createKey();
});

afterAll(async () => {
  await Promise.all([groq?.close(), together?.close()]);
});

beforeEach(async () => {
  groq.mode = "ok";
  together.mode = "ok";
  (await import("@/lib/router/health")).resetHealth();
});

interface Format {
  path: string;
  body(model: string, extra?: Record<string, unknown>): Record<string, unknown>;
  text(answer: Record<string, unknown>): string;
  errorOf(body: Record<string, unknown>): { type: string; message: string };
}

const FORMATS: Record<"responses" | "messages", Format> = {
  responses: {
    path: "/api/v1/responses",
    body: (model, extra = {}) => ({ model, input: "hi [[sandbox:tokens=3]]", ...extra }),
    text: (answer) => (answer.output as { content: { text: string }[] }[])[0].content[0].text,
    errorOf: (body) => body.error as { type: string; message: string },
  },
  messages: {
    path: "/api/v1/messages",
    body: (model, extra = {}) => ({ model, max_tokens: 200, messages: [{ role: "user", content: "hi [[sandbox:tokens=3]]" }], ...extra }),
    text: (answer) => (answer.content as { text: string }[])[0].text,
    errorOf: (body) => {
      expect(body.type).toBe("error");
      return body.error as { type: string; message: string };
    },
  },
};

async function post(format: Format, body: Record<string, unknown>, apiKey = key) {
  const response = await fetch(`${app.url}${format.path}`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function attemptsOf(id: string) {
  const row = await app.generation(id);
  return { row, attempts: (JSON.parse(row.attempts) as { provider: string; status: string }[]).map((a) => `${a.provider}:${a.status}`) };
}

describe.each(Object.entries(FORMATS))("%s", (_name, format) => {
  it("falls back to the next provider when the first answers 500, and the ledger row lists both attempts", async () => {
    groq.mode = "500";
    const answer = await post(format, format.body(LLAMA, { provider: { order: ["groq", "together"] } }));
    expect(answer.status).toBe(200);
    expect(format.text(answer.body)).toContain("together");
    const { row, attempts } = await attemptsOf(answer.body.id as string);
    expect(row).toMatchObject({ source: "api", provider: "together", status: "done" });
    expect(attempts).toEqual(["groq:error", "together:ok"]);
  });

  it("falls back to the next model of `models`", async () => {
    groq.mode = "500";
    together.mode = "500";
    const answer = await post(format, format.body(LLAMA, { models: [LLAMA, "sandbox/swift-mini"] }));
    expect(answer.status).toBe(200);
    expect((await attemptsOf(answer.body.id as string)).row.provider).toBe("sandbox");
  });

  it("502 in the format's shape when every endpoint failed", async () => {
    groq.mode = "500";
    together.mode = "500";
    const answer = await post(format, format.body(LLAMA));
    expect(answer.status).toBe(502);
    expect(format.errorOf(answer.body).message).toMatch(/500/);
  });

  it("402 before any upstream call when the worst case exceeds the key's credit; no ledger row", async () => {
    const poor = await app.createKey({ creditLimitUsd: "0.000001" });
    await app.flushLedger();
    const before = await app.db.generation.count();
    const answer = await post(format, format.body("sandbox/atlas-large", { max_tokens: 1000, max_output_tokens: 1000 }), poor);
    expect(answer.status).toBe(402);
    expect(format.errorOf(answer.body).message).toMatch(/can cost up to/);
    await app.flushLedger();
    expect(await app.db.generation.count()).toBe(before);
  });

  it("429 with Retry-After once the key's requests per minute are used", async () => {
    const limited = await app.createKey({ rpm: 1 });
    expect((await post(format, format.body("sandbox/swift-mini"), limited)).status).toBe(200);
    const refused = await post(format, format.body("sandbox/swift-mini"), limited);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(format.errorOf(refused.body)).toMatchObject({ type: "rate_limit_error", message: expect.stringMatching(/1 requests? per minute/) });
  });
});
