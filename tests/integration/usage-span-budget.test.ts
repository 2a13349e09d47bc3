// The usage page's own additions: when the scope's calls were (so it opens on a range that
// shows them) and the signed-in user's monthly budget with what is left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { createTestDatabase } from "../helpers/test-db";

let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let routes: { span: typeof import("@/app/api/usage/span/route"); budget: typeof import("@/app/api/usage/budget/route") };
let member: TestUser;
let admin: TestUser;
const NOW = Date.now();

function ledgerRow(userId: string, minutesAgo: number, costPico: bigint) {
  return {
    id: `gen-${userId}-${minutesAgo}`,
    userId,
    source: "chat",
    requestedModel: "sandbox/swift-mini",
    modelId: "sandbox/swift-mini",
    provider: "sandbox",
    upstreamModel: "swift-mini",
    status: "done",
    costPico,
    createdAt: new Date(NOW - minutesAgo * 60_000),
  };
}

beforeAll(async () => {
  process.env.DATABASE_URL = createTestDatabase();
  db = (await import("@/lib/db/client")).getDb();
  routes = { span: await import("@/app/api/usage/span/route"), budget: await import("@/app/api/usage/budget/route") };
  admin = await signInAs({ role: "admin" });
  member = await signInAs({ role: "member" });
  await db.user.update({ where: { id: member.id }, data: { monthlyBudgetPico: 5_000_000_000_000n } });
  await db.generation.createMany({ data: [ledgerRow(member.id, 5, 1_250_000_000_000n), ledgerRow(member.id, 40, 250_000_000_000n), ledgerRow(admin.id, 60 * 24 * 20, 7n)] });
});

afterAll(async () => {
  await db?.$disconnect();
});

const get = async (route: { GET: (r: Request) => Promise<Response> }, url: string, as: TestUser) => {
  const response = await route.GET(appRequest(url, { as }));
  return { status: response.status, json: await response.json() };
};

describe("usage span", () => {
  it("gives the first and latest call of the user's own usage", async () => {
    const { json } = await get(routes.span, "/api/usage/span", member);
    expect(Date.parse(json.first)).toBe(NOW - 40 * 60_000);
    expect(Date.parse(json.last)).toBe(NOW - 5 * 60_000);
  });

  it("lets an admin ask for everyone's, and nobody else", async () => {
    const all = await get(routes.span, "/api/usage/span?user=all", admin);
    expect(Date.parse(all.json.first)).toBe(NOW - 60 * 24 * 20 * 60_000);
    expect((await get(routes.span, "/api/usage/span?user=all", member)).status).toBe(403);
  });

  it("narrows to one conversation's calls", async () => {
    await db.generation.update({ where: { id: `gen-${member.id}-5` }, data: { conversationId: "conv-1" } });
    const { json } = await get(routes.span, "/api/usage/span?conversationId=conv-1", member);
    expect([Date.parse(json.first), Date.parse(json.last)]).toEqual([NOW - 5 * 60_000, NOW - 5 * 60_000]);
  });

  it("is empty for a user with no calls", async () => {
    const fresh = await signInAs({ role: "member" });
    expect((await get(routes.span, "/api/usage/span", fresh)).json).toEqual({ first: null, last: null });
  });
});

describe("own budget", () => {
  it("shows a member's budget, this month's spend and what is left", async () => {
    const { status, json } = await get(routes.budget, "/api/usage/budget", member);
    expect(status).toBe(200);
    expect(json).toMatchObject({ budgetPico: "5000000000000", spentPico: "1500000000000", leftPico: "3500000000000" });
    expect(Date.parse(json.resetsAt)).toBeGreaterThan(NOW);
  });

  it("says there is no limit when none is set", async () => {
    expect((await get(routes.budget, "/api/usage/budget", admin)).json).toMatchObject({ budgetPico: null, leftPico: null, spentPico: expect.any(String) });
  });
});
