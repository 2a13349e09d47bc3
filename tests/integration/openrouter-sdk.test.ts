// OpenRouter's own TypeScript SDK (`@openrouter/sdk`), which validates every response against
// OpenRouter's published schema, pointed unchanged at /api/v1: chat.send streaming and not,
// models.list (paged), generation lookup and key info. A fake provider that sends no
// system_fingerprint and the sandbox (which sends `usage: null` on every chunk, as OpenAI
// does) are both in the path.
import { OpenRouter } from "@openrouter/sdk";
import type { ChatResult, ChatStreamChunk } from "@openrouter/sdk/models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiApp, type ApiApp } from "../helpers/api-app";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";

let app: ApiApp;
let groq: FakeUpstream;
let openRouter: OpenRouter;

beforeAll(async () => {
  groq = await startFakeUpstream({ text: "groq", deltas: 4 });
  app = await startApiApp({ GROQ_API_KEY: "test", GROQ_BASE_URL: groq.url });
  const key = await app.createKey({ name: "openrouter-sdk", creditLimitUsd: "5", creditReset: "monthly", rpm: 100 });
  openRouter = new OpenRouter({ apiKey: key, serverURL: `${app.url}/api/v1`, retryConfig: { strategy: "none" } });
});

afterAll(async () => {
  await groq?.close();
});

describe("@openrouter/sdk against /api/v1", () => {
  it("chat.send without streaming, from a provider with and one without a system fingerprint", async () => {
    for (const model of ["sandbox/swift-mini", "groq/llama-3.3-70b-versatile"]) {
      const result = (await openRouter.chat.send({ chatRequest: { model, messages: [{ role: "user", content: "Hi [[sandbox:tokens=4]]" }] } })) as ChatResult;
      expect(result.choices[0].message.content).toBeTruthy();
      expect(result.usage?.completionTokens).toBe(4);
      expect(result.usage?.cost).toBeGreaterThan(0);
    }
  });

  it("chat.send streaming: every chunk passes the SDK's schema, the last one carries usage and cost", async () => {
    const stream = (await openRouter.chat.send({ chatRequest: { model: "sandbox/swift-mini", stream: true, streamOptions: { includeUsage: true }, messages: [{ role: "user", content: "Hi [[sandbox:tokens=6]]" }] } })) as AsyncIterable<ChatStreamChunk>;
    let text = "";
    let usage: { completionTokens: number; cost?: number | null } | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.completionTokens).toBe(6);
    expect(usage?.cost).toBeGreaterThan(0);
  });

  it("models.list: every model passes the SDK's schema, and pages follow offset and limit", async () => {
    const all = await openRouter.models.list();
    const ids = all.result.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["sandbox/swift-mini", "sandbox/nimbus-tools", "meta-llama/llama-3.3-70b-instruct"]));
    expect(all.result.totalCount).toBe(ids.length);
    const swift = all.result.data.find((m) => m.id === "sandbox/swift-mini")!;
    expect(swift).toMatchObject({ defaultParameters: null, supportedVoices: null, links: { details: expect.any(String) }, topProvider: { isModerated: false } });
    const paged: string[] = [];
    for await (const page of await openRouter.models.list({ limit: 2 })) paged.push(...page.result.data.map((m) => m.id));
    expect(paged).toEqual(ids);
  });

  it("generations.getGeneration and apiKeys.getCurrentKeyMetadata", async () => {
    const result = (await openRouter.chat.send({ chatRequest: { model: "sandbox/swift-mini", messages: [{ role: "user", content: "Hi [[sandbox:tokens=5]]" }] } })) as ChatResult;
    const row = await app.generation(result.id);
    const { data } = await openRouter.generations.getGeneration({ id: result.id });
    expect(data).toMatchObject({ id: result.id, model: "sandbox/swift-mini", providerName: "sandbox", tokensCompletion: 5, nativeTokensPrompt: row.promptTokens, totalCost: Number(row.costPico) / 1e12, isByok: false });
    expect(data.providerResponses).toEqual([expect.objectContaining({ providerName: "sandbox", status: 200 })]);
    const key = await openRouter.apiKeys.getCurrentKeyMetadata();
    expect(key.data).toMatchObject({ label: "openrouter-sdk", limit: 5, limitReset: "monthly", isFreeTier: false, rateLimit: { requests: 100, interval: "1m" } });
    expect(key.data.usageDaily).toBeGreaterThan(0);
    expect(key.data.limitRemaining).toBeCloseTo(5 - key.data.usageMonthly, 12);
  });
});
