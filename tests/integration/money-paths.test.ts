// Money and limits on every path through the one engine (issue: money, limits and answers
// survive every path): everything sent upstream is reserved, not just the message text; a
// call that failed before its first token costs nothing; usage Switchyard counted itself is
// returned, marked estimated; and the chatroom's "up to" figure is exactly what a budget
// reserves. Real server, real keys, the sandbox and a fake provider speaking the wire format.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { appServer, viaServer } from "../helpers/app-server";
import { collectEvents, endsOf, jsonRequest } from "../helpers/chat-client";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { createTestDatabase } from "../helpers/test-db";

let groq: FakeUpstream;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: () => Promise<void>;
let createApiKey: typeof import("@/lib/auth/api-keys").createApiKey;
let describeKeyUsage: typeof import("@/lib/auth/key-usage").describeKeyUsage;
let authenticate: typeof import("@/lib/auth/api-keys").authenticateApiKey;
let estimateRoute: typeof import("@/app/api/chat/estimate/route");
let user: TestUser;
let url: string;

const GROQ_LLAMA = "groq/llama-3.3-70b-versatile";
// ~27,000 tokens of tool description: billed as prompt tokens by every provider.
const HUGE_TOOLS = [{ type: "function", function: { name: "lookup", description: "word ".repeat(27_000), parameters: { type: "object", properties: {} } } }];

beforeAll(async () => {
  groq = await startFakeUpstream({ text: "groq" });
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SANDBOX_ENABLED: "true",
    SANDBOX_SPEED: "100",
    GROQ_API_KEY: "test",
    GROQ_BASE_URL: groq.url,
    CATALOG_REFRESH_HOURS: "0",
  });
  delete process.env.SANDBOX_BASE_URL;
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  ({ createApiKey, authenticateApiKey: authenticate } = await import("@/lib/auth/api-keys"));
  ({ describeKeyUsage } = await import("@/lib/auth/key-usage"));
  estimateRoute = await import("@/app/api/chat/estimate/route");
  user = await signInAs();
  url = (await appServer()).url;
});

afterAll(async () => {
  await groq?.close();
});

async function clientWith(limits: Record<string, unknown>, owner: TestUser = user) {
  const { key } = await createApiKey(owner.id, { name: "money", ...limits });
  return { key, client: new OpenAI({ baseURL: `${url}/api/v1`, apiKey: key, maxRetries: 0 }) };
}

const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, (error: { status?: number }) => error.status ?? 0);

describe("everything sent upstream is reserved", () => {
  it("a huge tool definition is counted: a $0.001 key refuses it with 402 before any call", async () => {
    const { client } = await clientWith({ creditLimitUsd: "0.001" });
    const before = groq.requests.length;
    const error = await client.chat.completions.create({ model: GROQ_LLAMA, max_tokens: 20, tools: HUGE_TOOLS as never, messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(error.status).toBe(402);
    expect(error.message).toMatch(/can cost up to \$0\.02 but the key has \$0\.001 left/);
    expect(groq.requests.length).toBe(before);
  });

  it("a tokens-per-minute limit counts the tools too: of 10 at once, one gets through", async () => {
    const { client } = await clientWith({ tpm: 3000 });
    const call = () => client.chat.completions.create({ model: GROQ_LLAMA, max_tokens: 20, tools: HUGE_TOOLS as never, messages: [{ role: "user", content: "hi" }] });
    const statuses = await Promise.all(Array.from({ length: 10 }, () => statusOf(call())));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });
});

describe("a call that failed before its first token costs nothing", () => {
  it("a 20k-token prompt answered 500 by every provider: $0 in the ledger and on the key", async () => {
    groq.mode = "500";
    try {
      const { key, client } = await clientWith({ creditLimitUsd: "0.5" });
      const error = await client.chat.completions.create({ model: GROQ_LLAMA, messages: [{ role: "user", content: "tok ".repeat(20_000) }] }).catch((e) => e);
      expect(error.status).toBe(502);
      await flushLedger();
      const context = await authenticate(`Bearer ${key}`);
      const row = await db.generation.findFirstOrThrow({ where: { apiKeyId: context.id } });
      expect(row).toMatchObject({ status: "error", costPico: 0n, promptTokens: 0, completionTokens: 0 });
      expect((await describeKeyUsage(context)).remainingPico).toBe(500_000_000_000n);
    } finally {
      groq.mode = "ok";
    }
  });

  it("in the chatroom too: the column's cost is $0", async () => {
    groq.mode = "500";
    try {
      const events = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "tok ".repeat(5_000), columns: [{ modelId: GROQ_LLAMA }] })));
      const [end] = endsOf(events);
      expect(end.stats).toMatchObject({ status: "error", costPico: "0", promptTokens: 0 });
    } finally {
      groq.mode = "ok";
    }
  });
});

describe("usage Switchyard counted is returned, marked estimated", () => {
  const messages = [{ role: "user" as const, content: "Say something [[sandbox:no-usage]]" }];

  it("streaming with include_usage: a usage chunk with the ledger's figures and estimated: true", async () => {
    const { client } = await clientWith({});
    const response = await client.chat.completions.create({ model: "sandbox/swift-mini", messages, stream: true, stream_options: { include_usage: true } }).withResponse();
    let usage: Record<string, unknown> | null = null;
    for await (const chunk of response.data) if (chunk.usage) usage = chunk.usage as unknown as Record<string, unknown>;
    await flushLedger();
    const row = await db.generation.findUniqueOrThrow({ where: { id: response.response.headers.get("x-generation-id")! } });
    expect(row.usageEstimated).toBe(true);
    expect(usage).toMatchObject({ prompt_tokens: row.promptTokens, completion_tokens: row.completionTokens, estimated: true });
    expect(usage!.cost).toBe(Number(row.costPico) / 1e12);
  });

  it("not streaming: the answer's usage is the ledger's, marked estimated", async () => {
    const { client } = await clientWith({});
    const response = await client.chat.completions.create({ model: "sandbox/swift-mini", messages }).withResponse();
    await flushLedger();
    const row = await db.generation.findUniqueOrThrow({ where: { id: response.response.headers.get("x-generation-id")! } });
    expect(response.data.usage).toMatchObject({ prompt_tokens: row.promptTokens, completion_tokens: row.completionTokens, estimated: true });
  });
});

describe("the chatroom's estimate is what a budget reserves", () => {
  it("a budget one picodollar under the estimate refuses the turn, naming the same figure; at the estimate it runs", async () => {
    const member = await signInAs({ role: "member" });
    const body = { prompt: "How far is the moon?", columns: [{ modelId: "sandbox/atlas-large", maxTokens: 300 }] };
    const estimate = await (await estimateRoute.POST(jsonRequest("/api/chat/estimate", body, { as: member }))).json();
    const worst = BigInt(estimate.totalMaxCostPico);
    expect(worst).toBeGreaterThan(0n);
    const { formatUsd } = await import("@/lib/format/usd");
    await db.user.update({ where: { id: member.id }, data: { monthlyBudgetPico: worst - 1n } });
    (await import("@/lib/auth/user-state")).forgetUserState(member.id);
    (await import("@/lib/limits/user-budget")).getBudgetTracker().forget(member.id);
    const refused = endsOf(await collectEvents(await viaServer(jsonRequest("/api/chat", body, { as: member }))))[0];
    expect(refused.stats.status).toBe("error");
    expect(refused.stats.error).toContain(`can cost up to ${formatUsd(worst, "up")}`);
    await db.user.update({ where: { id: member.id }, data: { monthlyBudgetPico: worst } });
    (await import("@/lib/auth/user-state")).forgetUserState(member.id);
    (await import("@/lib/limits/user-budget")).getBudgetTracker().forget(member.id);
    const admitted = endsOf(await collectEvents(await viaServer(jsonRequest("/api/chat", body, { as: member }))))[0];
    expect(admitted.stats.status).toBe("done");
    expect(BigInt(admitted.stats.costPico)).toBeLessThanOrEqual(worst);
  });
});
