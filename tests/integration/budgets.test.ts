// Monthly budgets set by an admin through PATCH /api/users/[id], enforced on the member's
// chatroom columns and on /api/v1 with their key, with the sandbox's real prices:
// swift-mini costs 0.15 µ$ per prompt token and 0.6 µ$ per completion token; echo-free is free.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { collectEvents, endsOf, jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import type { ChatEvent } from "@/lib/streaming/events";
import { viaServer } from "../helpers/app-server";

let users: typeof import("@/app/api/users/route");
let user: typeof import("@/app/api/users/[id]/route");
let keys: typeof import("@/app/api/keys/route");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let flushLedger: typeof import("@/lib/ledger/ledger-writer").flushLedger;
let api: { url: string; close(): Promise<void> };
let admin: TestUser;

const BUDGET_MESSAGE = /^Monthly budget reached: this request can cost up to \$[\d.]+ and \$[\d.]+ of your \$[\d.]+ budget is left this month\. Ask an admin to raise it\.$/;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_SPEED: "50", CATALOG_REFRESH_HOURS: "0" });
  for (const name of ["SANDBOX_BASE_URL", "LOCAL_NO_LOGIN", "COOKIE_SECURE"]) delete process.env[name];
  (await import("@/lib/env")).resetEnvCache();
  users = await import("@/app/api/users/route");
  user = await import("@/app/api/users/[id]/route");
  keys = await import("@/app/api/keys/route");
  db = (await import("@/lib/db/client")).getDb();
  flushLedger = (await import("@/lib/ledger/ledger-writer")).flushLedger;
  api = await (await import("@/lib/server/api-server")).startApiServer();
  admin = await signInAs({ role: "admin" });
});

afterAll(async () => {
  await api?.close();
  await db?.$disconnect();
});

interface Member extends TestUser {
  key: string;
}

async function newMember(): Promise<Member> {
  const member = await signInAs({ role: "member" });
  const created = await keys.POST(jsonRequest("/api/keys", { name: "member key" }, { as: member }));
  return { ...member, key: ((await created.json()) as { key: string }).key };
}

async function setBudget(member: TestUser, monthlyBudgetUsd: string | null): Promise<string | null> {
  const response = await user.PATCH(jsonRequest(`/api/users/${member.id}`, { monthlyBudgetUsd }, { as: admin, method: "PATCH" }), { params: Promise.resolve({ id: member.id }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { user: { monthlyBudgetPico: string | null } }).user.monthlyBudgetPico;
}

/** One chatroom turn as the member; the one column's end (or error) event. */
async function turn(member: TestUser, body: Record<string, unknown>): Promise<{ conversationId: string; end: ReturnType<typeof endsOf>[number] }> {
  const events = await collectEvents(await viaServer(jsonRequest("/api/chat", body, { as: member })));
  const [end] = endsOf(events);
  return { conversationId: (events[0] as Extract<ChatEvent, { type: "turn" }>).conversationId, end };
}

const swift = (prompt: string, conversationId?: string) => ({ prompt, ...(conversationId ? { conversationId } : { columns: [{ modelId: "sandbox/swift-mini", maxTokens: 250 }] }) });

function callApi(member: Member, model: string, content: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${api.url}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${member.key}`, "content-type": "application/json" },
    body: JSON.stringify({ model, messages: [{ role: "user", content }], ...extra }),
  });
}

async function ledgerOf(member: TestUser): Promise<{ rows: number; costPico: bigint }> {
  await flushLedger();
  const sum = await db.generation.aggregate({ where: { userId: member.id }, _sum: { costPico: true }, _count: true });
  return { rows: sum._count, costPico: sum._sum.costPico ?? 0n };
}

describe("a member's monthly budget", () => {
  let member: Member;
  let conversationId: string;

  beforeAll(async () => {
    member = await newMember();
  });

  it("lets a turn through while its worst case fits, then stops the column with a readable message", async () => {
    // $0.0002: the first turn's worst case (250 tokens out, ~$0.00015) fits; after it spent
    // ~$0.00012, the next one's worst case no longer does.
    expect(await setBudget(member, "0.0002")).toBe("200000000");
    const first = await turn(member, swift("Count slowly [[sandbox:tokens=200]]"));
    expect(first.end.type).toBe("column-end");
    expect(first.end.stats.completionTokens).toBe(200);
    conversationId = first.conversationId;
    const spent = await ledgerOf(member);

    const second = await turn(member, swift("Once more [[sandbox:tokens=200]]", conversationId));
    expect(second.end.type).toBe("column-error");
    if (second.end.type !== "column-error") return;
    expect(second.end.error).toMatch(BUDGET_MESSAGE);
    expect(second.end.error).toContain("of your $0.0002 budget");
    expect(second.end.stats.costPico).toBe("0");
    // Refused before any upstream call: nothing reached the ledger.
    expect(await ledgerOf(member)).toEqual(spent);
    const saved = await db.message.findUniqueOrThrow({ where: { id: second.end.messageId } });
    expect([saved.status, saved.error]).toEqual(["error", second.end.error]);
  });

  it("answers 402 in OpenAI's error shape on /api/v1 with the member's key", async () => {
    const response = await callApi(member, "sandbox/swift-mini", "Hello [[sandbox:tokens=5]]");
    expect(response.status).toBe(402);
    const body = (await response.json()) as { error: { message: string; type: string; code: string } };
    expect(body.error).toMatchObject({ type: "insufficient_quota", code: "insufficient_credits" });
    expect(body.error.message).toMatch(BUDGET_MESSAGE);

    const client = new OpenAI({ baseURL: `${api.url}/api/v1`, apiKey: member.key, maxRetries: 0 });
    const refused = client.chat.completions.create({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "Hi" }] });
    await expect(refused).rejects.toMatchObject({ status: 402, message: expect.stringContaining("Monthly budget reached") });
  });

  it("still lets free models answer, in the chatroom and on the API", async () => {
    const free = await turn(member, { prompt: "Echo me [[sandbox:tokens=6]]", columns: [{ modelId: "sandbox/echo-free" }] });
    expect(free.end.type).toBe("column-end");
    expect(free.end.stats.costPico).toBe("0");
    const viaApi = await callApi(member, "sandbox/echo-free", "Echo me too [[sandbox:tokens=6]]");
    expect(viaApi.status).toBe(200);
  });

  it("lets paid calls through again once the admin removes the budget", async () => {
    expect(await setBudget(member, null)).toBeNull();
    const again = await turn(member, swift("Once more [[sandbox:tokens=200]]", conversationId));
    expect(again.end.type).toBe("column-end");
    expect((await callApi(member, "sandbox/swift-mini", "Hello [[sandbox:tokens=5]]")).status).toBe(200);
  });

  it("counts this month's spend from the ledger when a budget is set again", async () => {
    const { costPico } = await ledgerOf(member);
    expect(costPico).toBeGreaterThan(200_000_000n);
    await setBudget(member, "0.0002");
    const refused = await turn(member, swift("Short [[sandbox:tokens=1]]", conversationId));
    expect(refused.end.type === "column-error" && refused.end.error).toMatch(/ \$0 of your \$0\.0002 budget is left/);
    // Raised above what was spent, the same request fits again.
    await setBudget(member, "1");
    expect((await turn(member, swift("Short [[sandbox:tokens=1]]", conversationId))).end.type).toBe("column-end");
  });
});

describe("budget edge cases", () => {
  it("refuses even the first turn when the budget is tiny, and spends nothing", async () => {
    const member = await newMember();
    await setBudget(member, "0.000001");
    const { end } = await turn(member, swift("Hello [[sandbox:tokens=3]]"));
    expect(end.type === "column-error" && end.error).toMatch(BUDGET_MESSAGE);
    expect((await callApi(member, "sandbox/swift-mini", "Hello", { max_tokens: 1 })).status).toBe(402);
    expect(await ledgerOf(member)).toEqual({ rows: 0, costPico: 0n });
  });

  it("counts a long prompt's tokens exactly, so it cannot overspend the budget", async () => {
    // ~7,300 tokens in 7,200 characters: a characters-per-token guess sees a quarter of them.
    const prompt = "1 2 3 4 5 6 7 8 9 ".repeat(400);
    const member = await newMember();
    await setBudget(member, "0.0005");
    expect((await callApi(member, "sandbox/swift-mini", prompt, { max_tokens: 1 })).status).toBe(402);
    const { end } = await turn(member, { prompt, columns: [{ modelId: "sandbox/swift-mini", maxTokens: 1 }] });
    expect(end.type === "column-error" && end.error).toMatch(BUDGET_MESSAGE);
    expect(await ledgerOf(member)).toEqual({ rows: 0, costPico: 0n });
  });
});

describe("the admin's users list", () => {
  it("shows each account's spend this month, equal to its ledger rows", async () => {
    await flushLedger();
    const response = await users.GET(appRequest("/api/users", { as: admin }));
    expect(response.status).toBe(200);
    const list = ((await response.json()) as { users: { id: string; spentThisMonthPico: string; monthlyBudgetPico: string | null }[] }).users;
    const accounts = await db.user.findMany();
    expect(list).toHaveLength(accounts.length);
    let paying = 0;
    for (const row of list) {
      const { costPico } = await ledgerOf({ id: row.id } as TestUser);
      expect(row.spentThisMonthPico).toBe(costPico.toString());
      if (costPico > 0n) paying += 1;
    }
    expect(paying).toBeGreaterThanOrEqual(1);
  });
});
