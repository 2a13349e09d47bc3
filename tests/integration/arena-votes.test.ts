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
    const text = await response.text();
    // The comparison is still hidden: the judge's vote names the judge, not the models judged.
    for (const word of ["swift-mini", "echo-free", "Swift Mini", "Echo Free"]) expect(text).not.toContain(word);
    const result = JSON.parse(text);
    expect(result.vote).toMatchObject({ kind: "judge", judgeModel: "sandbox/atlas-large", blind: true });
    expect(result.vote.columns.map((c: { model: string; provider: string | null }) => [c.model, c.provider])).toEqual([["blind/model-a", null], ["blind/model-b", null]]);
    // Echo Free gets arithmetic wrong; the judge picks the other column in both orders.
    const { getDb } = await import("@/lib/db/client");
    const order = await getDb().conversationColumn.findMany({ where: { conversationId }, orderBy: { position: "asc" } });
    const right = order.findIndex((c) => c.modelId === "sandbox/swift-mini");
    expect(result.vote.outcome).toEqual({ kind: "best", column: right });
    expect(result.verdicts).toEqual([`column ${right + 1}`, `column ${right + 1}`]);
    expect(BigInt(result.costPico)).toBeGreaterThan(0n);
    const { flushLedger } = await import("@/lib/ledger/ledger-writer");
    await flushLedger();
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

describe("a blind comparison over several turns", () => {
  const COMPARED = ["sandbox/swift-mini", "sandbox/echo-free"];
  /** The compared models only: the judge (sandbox/atlas-large) is the user's own choice and may be named. */
  const COMPARED_GIVEAWAYS = [...COMPARED, "swift-mini", "echo-free", "Swift Mini", "Echo Free", '"provider":"sandbox"', "simulated"];
  const expectHidden = (text: string, where: string) => {
    for (const word of COMPARED_GIVEAWAYS) expect(text, `${where}: "${word}" gives a model away`).not.toContain(word);
  };

  it("keeps every turn hidden while each is voted (and judged), then reveals them all at once", async () => {
    const user = await signInAs({ role: "member" });
    const { raw, conversationId } = await startBlind({ prompt: "What is 12*7+3?", columns: COMPARED.map((modelId) => ({ modelId })) }, user);
    expectHidden(raw, "turn 1 stream");
    const read = async () => (await conversationRoute.GET(appRequest(`/api/conversations/${conversationId}`, { as: user }), params(conversationId))).text();

    // Turn 1 voted, models kept hidden: the vote comes back with placeholders, the comparison stays blind.
    const first = await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "best", column: 0 }, reveal: false }, { as: user }));
    expect(first.status).toBe(200);
    const firstText = await first.text();
    expectHidden(firstText, "vote on turn 1");
    const firstVote = JSON.parse(firstText).vote;
    expect(firstVote).toMatchObject({ blind: true, outcome: { kind: "best", column: 0 } });
    expect(firstVote.columns.map((c: { model: string; costPico: string | null }) => [c.model, c.costPico])).toEqual([["blind/model-a", null], ["blind/model-b", null]]);
    expect(JSON.parse(await read()).blind).toEqual({ hidden: true });

    // Turn 2: its events, the estimate before it and the conversation after it name nothing.
    const placeholders = [{ modelId: "blind/model-a" }, { modelId: "blind/model-b" }];
    const estimate = await estimateRoute.POST(jsonRequest("/api/chat/estimate", { conversationId, prompt: "And 5*5?", columns: placeholders }, { as: user }));
    const estimateText = await estimate.text();
    expectHidden(estimateText, "turn 2 estimate");
    expect(JSON.parse(estimateText)).toMatchObject({ columns: [], hidden: true, columnCount: 2 });
    const secondTurn = await viaServer(jsonRequest("/api/chat", { conversationId, prompt: "And 5*5?" }, { as: user }));
    const secondRaw = await secondTurn.text();
    expectHidden(secondRaw, "turn 2 stream");
    const secondEvents = await collectEvents(new Response(secondRaw));
    expect(secondEvents.filter((e) => e.type === "column-start").map((e) => e.modelId)).toEqual(["blind/model-a", "blind/model-b"]);
    expect(secondEvents.some((e) => e.type === "provider" || e.type === "usage")).toBe(false);
    for (const end of secondEvents.filter((e) => e.type === "column-end")) expect(end.stats).toMatchObject({ hidden: true, costPico: "0", provider: null });
    const afterTwo = await read();
    expectHidden(afterTwo, "conversation after turn 2");
    expect(JSON.parse(afterTwo).messages.filter((m: { role: string }) => m.role === "assistant")).toHaveLength(4);

    // Every turn judged in one request: two calls per turn, in the ledger as judging, nothing revealed.
    const judged = await judgeRoute.POST(jsonRequest("/api/arena/judge", { conversationId, turn: "all", judgeModel: "sandbox/atlas-large" }, { as: user }));
    expect(judged.status).toBe(200);
    const judgedText = await judged.text();
    expectHidden(judgedText, "judging every turn");
    const judgedBody = JSON.parse(judgedText);
    expect(judgedBody.judged.map((j: { turn: number }) => j.turn)).toEqual([0, 1]);
    expect(judgedBody.failed).toEqual([]);
    for (const j of judgedBody.judged) expect(j.verdicts).toHaveLength(2);
    const { flushLedger } = await import("@/lib/ledger/ledger-writer");
    await flushLedger();
    const { getDb } = await import("@/lib/db/client");
    const ledger = await getDb().generation.findMany({ where: { conversationId, source: "judge" } });
    expect(ledger).toHaveLength(4);
    expect(ledger.reduce((sum, r) => sum + r.costPico, 0n)).toBe(BigInt(judgedBody.costPico));
    expect(judgedBody.judged.reduce((sum: bigint, j: { costPico: string }) => sum + BigInt(j.costPico), 0n)).toBe(BigInt(judgedBody.costPico));
    // Asked again, there is nothing left to judge.
    const again = await (await judgeRoute.POST(jsonRequest("/api/arena/judge", { conversationId, turn: "all", judgeModel: "sandbox/atlas-large" }, { as: user }))).json();
    expect(again).toMatchObject({ judged: [], failed: [], costPico: "0" });
    expect(again.skipped.map((s: { turn: number }) => s.turn)).toEqual([0, 1]);
    expect((await judgeRoute.POST(jsonRequest("/api/arena/judge", { conversationId, turn: "some", judgeModel: "sandbox/atlas-large" }, { as: user }))).status).toBe(400);

    // Turn 2 voted, still hidden; a changed verdict does not reveal either. Every read of the votes is redacted.
    expectHidden(await (await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 1, outcome: { kind: "tie" }, reveal: false }, { as: user }))).text(), "vote on turn 2");
    const changed = await voteRoute.PATCH(appRequest(`/api/votes/${firstVote.id}`, { method: "PATCH", as: user, headers: { "content-type": "application/json" }, body: JSON.stringify({ categories: ["maths"] }) }), params(firstVote.id));
    expectHidden(await changed.text(), "changed vote");
    for (const query of [`conversationId=${conversationId}`, "", "format=csv", "kind=judge"]) expectHidden(await (await votesRoute.GET(appRequest(`/api/votes?${query}`, { as: user }))).text(), `GET /api/votes?${query}`);
    expect(JSON.parse(await read()).blind).toEqual({ hidden: true });
    // Held back from the leaderboard while hidden: a score moving would tell which model won.
    const board = async (kind: string) => (await (await leaderboardRoute.GET(appRequest(`/api/leaderboard?kind=${kind}`, { as: user }))).json()).board.voteCount;
    expect(await board("human")).toBe(0);
    expect(await board("judge")).toBe(0);

    // The reveal: both votes stay blind, now with their models and costs; the leaderboard counts them.
    const revealRoute = await import("@/app/api/arena/reveal/route");
    const revealed = await revealRoute.POST(jsonRequest("/api/arena/reveal", { conversationId }, { as: user }));
    expect(revealed.status).toBe(200);
    const { votes } = await revealed.json();
    expect(votes.map((v: { turn: number; blind: boolean }) => [v.turn, v.blind]).sort()).toEqual([[0, true], [1, true]]);
    for (const v of votes) expect(v.columns.map((c: { model: string }) => c.model).sort()).toEqual([...COMPARED].sort());
    const open = JSON.parse(await read());
    expect(open.blind).toEqual({ hidden: false });
    expect(open.messages.filter((m: { role: string; stats: { provider: string } | null }) => m.role === "assistant" && m.stats?.provider === "sandbox")).toHaveLength(4);
    expect(await board("human")).toBe(2);
    expect(await board("judge")).toBe(2);
    // The judge saw through Echo Free's arithmetic on both turns.
    const right = open.columns.findIndex((c: { modelId: string }) => c.modelId === "sandbox/swift-mini");
    const judges = (await (await votesRoute.GET(appRequest(`/api/votes?conversationId=${conversationId}&kind=judge`, { as: user }))).json()).votes;
    expect(judges.map((v: { outcome: unknown }) => v.outcome)).toEqual([{ kind: "best", column: right }, { kind: "best", column: right }]);
  });

  it("reveals only a blind comparison its owner has voted on", async () => {
    const user = await signInAs({ role: "member" });
    const revealRoute = await import("@/app/api/arena/reveal/route");
    const reveal = (conversationId: string, as: TestUser = user) => revealRoute.POST(jsonRequest("/api/arena/reveal", { conversationId }, { as }));
    const { conversationId } = await startBlind({ columns: COMPARED.map((modelId) => ({ modelId })) }, user);
    expect((await reveal(conversationId)).status).toBe(409);
    const stranger = await signInAs({ role: "member" });
    expect((await reveal(conversationId, stranger)).status).toBe(404);
    expect((await revealRoute.POST(jsonRequest("/api/arena/reveal", { conversation: conversationId }, { as: user }))).status).toBe(400);
    // A vote without `reveal` reveals, as a one-turn blind comparison always has.
    const { vote } = await (await votesRoute.POST(jsonRequest("/api/votes", { conversationId, turn: 0, outcome: { kind: "tie" } }, { as: user }))).json();
    expect(vote.columns.map((c: { model: string }) => c.model).sort()).toEqual([...COMPARED].sort());
    expect((await reveal(conversationId)).status).toBe(200);
    const sighted = await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "hi", columns: COMPARED.map((modelId) => ({ modelId })) }, { as: user })));
    expect((await reveal((sighted[0] as Extract<ChatEvent, { type: "turn" }>).conversationId)).status).toBe(409);
  });
});
