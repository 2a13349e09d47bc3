// Prompt caching end to end: a fake OpenRouter lists a model with cache-read and cache-write
// prices and answers with the recorded `openrouter-cache` stream (cached and cache-write
// tokens, reasoning tokens). After a catalog refresh, one call through the API lands in the
// ledger with those tokens, the catalog's cache prices and the exact savings, and the usage
// routes the dashboard reads (summary, detail, breakdown, CSV) report them.
import http from "node:http";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { appServer } from "../helpers/app-server";
import { fixtureBytes } from "../helpers/provider-fixtures";
import { createTestDatabase } from "../helpers/test-db";
import type { GenerationDetail } from "@/lib/usage/generation-detail";
import type { UsageSummary } from "@/lib/usage/summary";

const MODEL = "anthropic/claude-sonnet-4.5";
// USD per token, as OpenRouter publishes them: $3 / $15 per million, reads $0.30, writes $3.75.
const PRICES = { prompt: "0.000003", completion: "0.000015", input_cache_read: "0.0000003", input_cache_write: "0.00000375", internal_reasoning: "0" };

let upstream: http.Server;
let admin: TestUser;
let client: OpenAI;
let flushLedger: () => Promise<void>;

beforeAll(async () => {
  upstream = http.createServer(async (req, res) => {
    for await (const _ of req);
    if (req.method === "GET" && req.url === "/api/v1/models") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: [{ id: MODEL, name: "Anthropic: Claude Sonnet 4.5", context_length: 1_000_000, pricing: PRICES, supported_parameters: ["max_tokens", "reasoning", "tools"] }] }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(fixtureBytes("openrouter-cache"));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "false",
    CATALOG_REFRESH_HOURS: "0",
    OPENROUTER_API_KEY: "test",
    OPENROUTER_BASE_URL: `http://127.0.0.1:${(upstream.address() as { port: number }).port}/api/v1`,
  });
  (await import("@/lib/env")).resetEnvCache();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  admin = await signInAs({ role: "admin" });
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { key } = await createApiKey(admin.id, { name: "cache" });
  client = new OpenAI({ baseURL: `${(await appServer()).url}/api/v1`, apiKey: key, maxRetries: 0 });
  const refresh = await (await import("@/app/api/catalog/refresh/route")).POST(appRequest("/api/catalog/refresh", { method: "POST", as: admin }));
  expect(refresh.status).toBe(200);
});

afterAll(async () => {
  await new Promise((resolve) => upstream?.close(resolve));
});

async function get<T>(route: { GET(request: Request, context?: never): Promise<Response> }, url: string): Promise<T> {
  const response = await route.GET(appRequest(url, { as: admin }));
  expect(response.status).toBe(200);
  return response.json() as Promise<T>;
}

describe("a provider that reports cached tokens", () => {
  it("reaches the ledger with the catalog's cache prices and the exact savings, and every usage view reports them", async () => {
    const answer = await client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "What does clause 14 say?" }] });
    const usage = answer.usage as OpenAI.CompletionUsage & { prompt_tokens_details: { cache_write_tokens: number }; cost: number };
    expect(usage.prompt_tokens_details).toMatchObject({ cached_tokens: 1800, cache_write_tokens: 200 });
    expect(usage.completion_tokens_details).toMatchObject({ reasoning_tokens: 12 });
    expect(usage.cost).toBe(0.00219);
    await flushLedger();

    // 100 fresh prompt tokens × $3/M + 1,800 read × $0.30/M + 200 written × $3.75/M + 40 out × $15/M.
    const computed = 100n * 3_000_000n + 1_800n * 300_000n + 200n * 3_750_000n + 40n * 15_000_000n;
    // What the 1,800 cached tokens would have cost at the prompt price, minus what they cost.
    const savings = 1_800n * (3_000_000n - 300_000n);
    const detailRoute = await import("@/app/api/usage/activity/[id]/route");
    const detail: GenerationDetail = await (await detailRoute.GET(appRequest(`/api/usage/activity/${answer.id}`, { as: admin }), { params: Promise.resolve({ id: answer.id }) })).json();
    expect(detail).toMatchObject({
      modelId: MODEL,
      provider: "openrouter",
      promptTokens: 2100,
      completionTokens: 40,
      cachedTokens: 1800,
      cacheWriteTokens: 200,
      reasoningTokens: 12,
      costPico: "2190000000",
      computedCostPico: computed.toString(),
      cacheSavingsPico: savings.toString(),
      responseCacheHit: false,
    });
    expect(detail.price.cached.usdPerMillion).toBe("0.3");
    expect(detail.price.cacheWrite.usdPerMillion).toBe("3.75");
    expect(computed).toBe(2_190_000_000n);

    const summary = await get<UsageSummary>(await import("@/app/api/usage/summary/route"), "/api/usage/summary?range=day");
    expect(summary).toMatchObject({ cachedTokens: 1800, cacheWriteTokens: 200, reasoningTokens: 12, cacheSavingsPico: savings.toString(), responseCacheHits: 0 });

    const breakdown = await get<{ rows: { key: string; cacheSavingsPico: string; cacheWriteTokens: number }[] }>(await import("@/app/api/usage/breakdown/route"), "/api/usage/breakdown?range=day&groupBy=model");
    expect(breakdown.rows.find((r) => r.key === MODEL)).toMatchObject({ cacheSavingsPico: savings.toString(), cacheWriteTokens: 200 });

    const csvRoute = await import("@/app/api/usage/export/activity.csv/route");
    const [header, line] = (await (await csvRoute.GET(appRequest("/api/usage/export/activity.csv?range=day", { as: admin }))).text()).trim().split("\r\n");
    const row = Object.fromEntries(header.split(",").map((name, i) => [name, line.split(",")[i]]));
    expect(row).toMatchObject({ cached_tokens: "1800", cache_write_tokens: "200", reasoning_tokens: "12", cache_savings_usd: "0.00486", cost_usd: "0.00219", response_cache_hit: "false" });
  });
});
