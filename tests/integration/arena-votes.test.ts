// Blind comparisons and votes through the real routes: the chat stream on the app server, the
// conversation, estimate, export, share and vote route handlers, against the sandbox over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { startSandboxServer } from "@/lib/providers/sandbox/server";
import { createTestDatabase } from "../helpers/test-db";
import { collectEvents, jsonRequest } from "../helpers/chat-client";
import { viaServer } from "../helpers/app-server";
import type { ChatEvent } from "@/lib/streaming/events";

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let conversationRoute: typeof import("@/app/api/conversations/[id]/route");
let conversationsRoute: typeof import("@/app/api/conversations/route");
let exportRoute: typeof import("@/app/api/conversations/[id]/export/route");
let estimateRoute: typeof import("@/app/api/chat/estimate/route");
let shareRoute: typeof import("@/app/api/share/route");
let votesRoute: typeof import("@/app/api/votes/route");
let voteRoute: typeof import("@/app/api/votes/[id]/route");
let leaderboardRoute: typeof import("@/app/api/leaderboard/route");
let judgeRoute: typeof import("@/app/api/arena/judge/route");
let owner: TestUser;

const MODELS = ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/echo-free"];
/** Anything that would tell the models apart: ids, names, the provider. */
const GIVEAWAYS = [...MODELS, "swift-mini", "atlas-large", "echo-free", "Swift Mini", "Atlas Large", "Echo Free", "sandbox", "simulated"];

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, speed: 20 });
  process.env.DATABASE_URL = createTestDatabase();
  process.env.SANDBOX_ENABLED = "true";
  process.env.SANDBOX_BASE_URL = sandbox.url;
  conversationRoute = await import("@/app/api/conversations/[id]/route");
  conversationsRoute = await import("@/app/api/conversations/route");
  exportRoute = await import("@/app/api/conversations/[id]/export/route");
  estimateRoute = await import("@/app/api/chat/estimate/route");
  shareRoute = await import("@/app/api/share/route");
  votesRoute = await import("@/app/api/votes/route");
  voteRoute = await import("@/app/api/votes/[id]/route");
  leaderboardRoute = await import("@/app/api/leaderboard/route");
  judgeRoute = await import("@/app/api/arena/judge/route");
  owner = await signInAs({ role: "member" });
});

afterAll(async () => {
  await sandbox?.close();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function startBlind(body: Record<string, unknown>, as: TestUser = owner): Promise<{ raw: string; events: ChatEvent[]; conversationId: string }> {
  const response = await viaServer(jsonRequest("/api/chat", { prompt: "What is 12*7+3?", blind: true, ...body }, { as }));
  expect(response.status).toBe(200);
  const raw = await response.text();
  const events = await collectEvents(new Response(raw));
  const turn = events.find((e) => e.type === "turn") as Extract<ChatEvent, { type: "turn" }>;
  return { raw, events, conversationId: turn.conversationId };
}

function expectNoGiveaway(text: string) {
  for (const word of GIVEAWAYS) expect(text, `"${word}" gives the model away`).not.toContain(word);
}

describe("a blind comparison", () => {
  it("never names its models, providers or per-model figures before the vote, then reveals them", async () => {
    const { raw, events, conversationId } = await startBlind({ columns: MODELS.map((modelId) => ({ modelId })) });
    expectNoGiveaway(raw);
    const starts = events.filter((e) => e.type === "column-start");
    expect(starts.map((e) => e.modelId)).toEqual(["blind/model-a", "blind/model-b", "blind/model-c"]);
    for (const end of events.filter((e) => e.type === "column-end")) expect(end.stats).toMatchObject({ hidden: true, costPico: "0", ttftMs: null, provider: null });

    const read = await conversationRoute.GET(appRequest(`/api/conversations/${conversationId}`), params(conversationId));
    const body = await read.text();
    expectNoGiveaway(body);
    expect(JSON.parse(body).blind).toEqual({ hidden: true });
    const list = await (await conversationsRoute.GET(appRequest("/api/conversations"))).json();
    expect(list.conversations.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ costPico: "0", blind: { hidden: true } });

    const estimate = await estimateRoute.POST(jsonRequest("/api/chat/estimate", { conversationId, prompt: "And 5*5?", columns: [{ modelId: "blind/model-a" }, { modelId: "blind/model-b" }, { modelId: "blind/model-c" }] }));
    const estimateText = await estimate.text();
    expectNoGiveaway(estimateText);
    expect(JSON.parse(estimateText)).toMatchObject({ columns: [], hidden: true, columnCount: 3 });
    expect(BigInt(JSON.parse(estimateText).totalMaxCostPico)).toBeGreaterThan(0n);

    expect((await exportRoute.GET(appRequest(`/api/conversations/${conversationId}/export?format=md`), params(conversationId))).status).toBe(409);
    expect((await shareRoute.POST(jsonRequest("/api/share", { conversationId, includeSystemPrompts: false, includeStats: true, expiresIn: "never" }))).status).toBe(409);

    // A second turn stays blind.
    const next = await viaServer(jsonRequest("/api/chat", { conversationId, prompt: "And 5*5?" }));
    expectNoGiveaway(await next.text());

    const cast = await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "best", column: 1 }, categories: ["maths"] }));
    expect(cast.status).toBe(200);
    const { vote } = await cast.json();
    expect(vote).toMatchObject({ blind: true, kind: "human", turn: 0, autoCategory: "maths", categories: ["maths"], deanonymised: false });
    expect(vote.columns.map((c: { model: string }) => c.model).sort()).toEqual([...MODELS].sort());
    expect(vote.columns.reduce((sum: bigint, c: { costPico: string }) => sum + BigInt(c.costPico), 0n)).toBeGreaterThan(0n);

    const revealed = await (await conversationRoute.GET(appRequest(`/api/conversations/${conversationId}`), params(conversationId))).json();
    expect(revealed.blind).toEqual({ hidden: false });
    expect(revealed.columns.map((c: { modelId: string }) => c.modelId)).toEqual(vote.columns.map((c: { model: string }) => c.model));
    expect(revealed.messages.find((m: { role: string }) => m.role === "assistant").stats.provider).toBe("sandbox");
    // Voting on the second turn now: the models were known, so it is not a blind vote.
    const second = await (await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 1, outcome: { kind: "tie" } }))).json();
    expect(second.vote.blind).toBe(false);
  });

  it("draws N random models from a pool, distinct and in a random order", async () => {
    const pool = ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/echo-free", "sandbox/coder-pro"];
    const { raw, conversationId } = await startBlind({ random: { count: 2, pool } });
    expectNoGiveaway(raw);
    const { getDb } = await import("@/lib/db/client");
    const columns = await getDb().conversationColumn.findMany({ where: { conversationId } });
    expect(columns).toHaveLength(2);
    expect(new Set(columns.map((c) => c.modelId)).size).toBe(2);
    for (const c of columns) expect(pool).toContain(c.modelId);
    const tooMany = await viaServer(jsonRequest("/api/chat", { prompt: "hi", blind: true, random: { count: 5, pool } }));
    expect(tooMany.status).toBe(400);
    const notBlind = await viaServer(jsonRequest("/api/chat", { prompt: "hi", random: { count: 2 } }));
    expect(notBlind.status).toBe(400);
  });
});

describe("votes", () => {
  it("are listed, edited, exported as CSV and JSON, and deleted by their owner only", async () => {
    const response = await viaServer(jsonRequest("/api/chat", { prompt: "Write a haiku about rivers", columns: MODELS.slice(0, 2).map((modelId) => ({ modelId })) }));
    const events = await collectEvents(response);
    const { conversationId } = events[0] as Extract<ChatEvent, { type: "turn" }>;
    const bad = await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "best", column: 5 } }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/column 5 does not exist/);

    const { vote } = await (await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "best", column: 0 } }))).json();
    expect(vote).toMatchObject({ blind: false, autoCategory: "writing" });
    // Casting again changes the same vote.
    const again = await (await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "all-bad" } }))).json();
    expect(again.vote.id).toBe(vote.id);

    const edited = await voteRoute.PATCH(appRequest(`/api/votes/${vote.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ outcome: { kind: "best", column: 1 }, categories: ["poetry"] }) }), params(vote.id));
    expect((await edited.json()).vote).toMatchObject({ outcome: { kind: "best", column: 1 }, categories: ["poetry"] });

    const mine = await (await votesRoute.GET(appRequest(`/api/votes?conversationId=${conversationId}`))).json();
    expect(mine.votes).toHaveLength(1);
    const csv = await (await votesRoute.GET(appRequest(`/api/votes?format=csv&conversationId=${conversationId}`))).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^vote_id,created_at,user_id,conversation_id,turn,kind/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("sandbox/swift-mini");
    expect(lines[2]).toContain(",best,");

    const stranger = await signInAs({ role: "member" });
    expect((await voteRoute.DELETE(appRequest(`/api/votes/${vote.id}`, { method: "DELETE", as: stranger }), params(vote.id))).status).toBe(404);
    expect((await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "tie" } }, { as: stranger }))).status).toBe(404);
    expect((await votesRoute.GET(appRequest("/api/votes?scope=team", { as: stranger }))).status).toBe(403);
    const admin = await signInAs({ role: "admin" });
    const team = await (await votesRoute.GET(appRequest("/api/votes?scope=team", { as: admin }))).json();
    expect(team.votes.some((v: { id: string }) => v.id === vote.id)).toBe(true);

    expect((await voteRoute.DELETE(appRequest(`/api/votes/${vote.id}`, { method: "DELETE", as: owner }), params(vote.id))).status).toBe(200);
    expect((await (await votesRoute.GET(appRequest(`/api/votes?conversationId=${conversationId}`, { as: owner }))).json()).votes).toHaveLength(0);
  });
});

describe("the leaderboard", () => {
  it("scores the caller's votes with intervals and ledger costs, is cached, and moves when a vote is cast", async () => {
    const voter = await signInAs({ role: "member" });
    const turnWith = async (columns: string[]) => {
      const events = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "Explain recursion", columns: columns.map((modelId) => ({ modelId })) }, { as: voter })));
      return (events[0] as Extract<ChatEvent, { type: "turn" }>).conversationId;
    };
    for (let i = 0; i < 3; i++) {
      const conversationId = await turnWith(["sandbox/swift-mini", "sandbox/echo-free"]);
      await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "best", column: 0 } }, { as: voter }));
    }
    const read = async (query = "") => (await leaderboardRoute.GET(appRequest(`/api/leaderboard${query}`, { as: voter }))).json();
    const first = await read();
    expect(first.board.voteCount).toBe(3);
    expect(first.board.rows.map((r: { model: string }) => r.model)).toEqual(["sandbox/swift-mini", "sandbox/echo-free"]);
    const top = first.board.rows[0];
    expect(top.plain.lower).toBeLessThanOrEqual(top.plain.score + 1e-6);
    expect(top.plain.upper).toBeGreaterThanOrEqual(top.plain.score - 1e-6);
    expect(top.lengthControlled).not.toBeNull();
    expect(first.winRates.cells[0][1]).toEqual({ battles: 3, winRate: 1 });
    const swift = first.performance.find((p: { model: string }) => p.model === "sandbox/swift-mini");
    expect(BigInt(swift.averageCostPico)).toBeGreaterThan(0n);
    expect(first.frontier.cost[0]).toBe("sandbox/echo-free"); // free, so on the frontier
    expect((await read()).cached).toBe(true);

    const conversationId = await turnWith(["sandbox/swift-mini", "sandbox/echo-free"]);
    await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "best", column: 1 } }, { as: voter }));
    const after = await read();
    expect(after.cached).toBe(false);
    expect(after.board.voteCount).toBe(4);
    expect((await read("?blindOnly=true")).board.voteCount).toBe(0);
    expect((await leaderboardRoute.GET(appRequest("/api/leaderboard?scope=team", { as: voter }))).status).toBe(403);
    expect((await leaderboardRoute.GET(appRequest("/api/leaderboard?minVotes=-1", { as: voter }))).status).toBe(400);

    // Shared as a read-only snapshot: frozen, with display names; revoking ends it.
    const shareRoute = await import("@/app/api/leaderboard/share/route");
    const revokeRoute = await import("@/app/api/leaderboard/share/[id]/route");
    const { resolveLeaderboardShare } = await import("@/lib/votes/leaderboard-share");
    const shared = await shareRoute.POST(jsonRequest("/api/leaderboard/share", { query: "kind=human&range=all", expiresIn: "7d" }, { as: voter }));
    expect(shared.status).toBe(201);
    const { id, url } = await shared.json();
    const token = url.split("/shared-leaderboard/")[1];
    const snapshot = await resolveLeaderboardShare(token);
    expect(snapshot?.page.board.voteCount).toBe(4);
    expect(snapshot?.names["sandbox/swift-mini"]).toMatch(/Swift Mini/);
    expect((await shareRoute.POST(jsonRequest("/api/leaderboard/share", { query: "scope=team", expiresIn: "7d" }, { as: voter }))).status).toBe(403);
    expect((await shareRoute.POST(jsonRequest("/api/leaderboard/share", { query: "minVotes=oops", expiresIn: "7d" }, { as: voter }))).status).toBe(400);
    expect((await revokeRoute.DELETE(appRequest(`/api/leaderboard/share/${id}`, { method: "DELETE", as: voter }), params(id))).status).toBe(200);
    expect(await resolveLeaderboardShare(token)).toBeNull();
  });
});

describe("a judge model", () => {
  it("sees the answers anonymised in both orders, through the engine, and its agreed verdict is a judge vote", async () => {
    const judge = await signInAs({ role: "member" });
    const events = await collectEvents(
      await viaServer(jsonRequest("/api/chat", { prompt: "What is 12*7+3?", blind: true, columns: [{ modelId: "sandbox/swift-mini" }, { modelId: "sandbox/echo-free" }] }, { as: judge })),
    );
    const { conversationId } = events[0] as Extract<ChatEvent, { type: "turn" }>;
    const response = await judgeRoute.POST(jsonRequest("/api/arena/judge", { conversationId, turn: 0, judgeModel: "sandbox/atlas-large" }, { as: judge }));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.vote).toMatchObject({ kind: "judge", judgeModel: "sandbox/atlas-large", blind: true });
    // Echo Free gets arithmetic wrong; the judge picks the other column in both orders.
    const right = result.vote.columns.findIndex((c: { model: string }) => c.model === "sandbox/swift-mini");
    expect(result.vote.outcome).toEqual({ kind: "best", column: right });
    expect(result.verdicts).toEqual([`column ${right + 1}`, `column ${right + 1}`]);
    expect(BigInt(result.costPico)).toBeGreaterThan(0n);
    const { flushLedger } = await import("@/lib/ledger/ledger-writer");
    await flushLedger();
    const { getDb } = await import("@/lib/db/client");
    const rows = await getDb().generation.findMany({ where: { conversationId, source: "judge" } });
    expect(rows).toHaveLength(2);
    expect(rows.reduce((sum, r) => sum + r.costPico, 0n)).toBe(BigInt(result.costPico));
    // A judge vote does not reveal a blind comparison to its owner.
    const read = await conversationRoute.GET(appRequest(`/api/conversations/${conversationId}`, { as: judge }), params(conversationId));
    expect((await read.json()).blind).toEqual({ hidden: true });
    // The human agrees: the leaderboard reports it, judge votes kept apart.
    await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "best", column: right } }, { as: judge }));
    const board = await (await leaderboardRoute.GET(appRequest("/api/leaderboard?kind=judge", { as: judge }))).json();
    expect(board.board.voteCount).toBe(1);
    expect(board.agreement).toEqual({ turns: 1, agreed: 1, rate: 1 });
    expect((await judgeRoute.POST(jsonRequest("/api/arena/judge", { conversationId, turn: 0, judgeModel: "nope" }, { as: judge }))).status).toBe(400);
  });
});
