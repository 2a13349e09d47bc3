// Thousands of random ledger rows, then every way the dashboard totals them — summary,
// breakdown, time series, CSV — must equal the exact BigInt sum of the matching rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, appRequest } from "../helpers/auth";
import { createTestDatabase } from "../helpers/test-db";

type Db = ReturnType<typeof import("@/lib/db/client").getDb>;
let db: Db;
let userId: string;
let routes: {
  summary: typeof import("@/app/api/usage/summary/route");
  breakdown: typeof import("@/app/api/usage/breakdown/route");
  timeseries: typeof import("@/app/api/usage/timeseries/route");
  activity: typeof import("@/app/api/usage/activity/route");
  detail: typeof import("@/app/api/usage/activity/[id]/route");
  activityCsv: typeof import("@/app/api/usage/export/activity.csv/route");
  breakdownCsv: typeof import("@/app/api/usage/export/breakdown.csv/route");
  freeTier: typeof import("@/app/api/usage/free-tier/route");
};

interface Row {
  id: string;
  userId: string;
  createdAt: Date;
  modelId: string;
  provider: string;
  upstreamModel: string;
  status: string;
  source: string;
  apiKeyId: string | null;
  conversationId: string | null;
  promptTokens: number;
  completionTokens: number;
  costPico: bigint;
  cacheWriteTokens: number;
  cacheSavingsPico: bigint;
  responseCacheHit: boolean;
}

const NOW = Date.now();
const DAY = 86_400_000;
const MODELS = ["sandbox/swift-mini", "sandbox/atlas-large", "openai/gpt-4o-mini", "openrouter/meta-llama/llama-3.3-70b-instruct:free", "gemini/gemini-2.0-flash", "mistral/mistral-small", "deepseek/deepseek-chat", "groq/llama-3.1-8b"];
const STATUSES = ["done", "done", "done", "done", "error", "stopped"];
const rows: Row[] = [];

// A seeded generator: a failure can be replayed.
let seed = 20261123;
function rand(): number {
  // mulberry32: full 32-bit state, so timestamps and costs do not fall into short cycles.
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function get(url: string) {
  return appRequest(`http://localhost${url}`);
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  const r = await response;
  const body = await r.json();
  if (r.status !== 200) throw new Error(`${r.status}: ${JSON.stringify(body)}`);
  return body as T;
}

function expectedSum(from: number, to: number, filter: (r: Row) => boolean = () => true) {
  let cost = 0n;
  let prompt = 0;
  let completion = 0;
  let requests = 0;
  let savings = 0n;
  let cacheWrite = 0;
  let hits = 0;
  for (const r of rows) {
    if (r.userId !== userId || r.createdAt.getTime() < from || r.createdAt.getTime() >= to || !filter(r)) continue;
    cost += r.costPico;
    prompt += r.promptTokens;
    completion += r.completionTokens;
    requests += 1;
    savings += r.cacheSavingsPico;
    cacheWrite += r.cacheWriteTokens;
    hits += r.responseCacheHit ? 1 : 0;
  }
  return { cost, prompt, completion, requests, savings, cacheWrite, hits };
}

function csvCostTotal(text: string, column = "cost_usd"): bigint {
  const lines = text.trim().split("\r\n");
  const header = lines[0].split(",");
  const index = header.indexOf(column);
  let total = 0n;
  for (const line of lines.slice(1)) {
    // Test rows have no quoted commas before the cost column.
    const value = line.split(",")[index];
    const [whole, fraction = ""] = value.split(".");
    total += BigInt(whole) * 10n ** 12n + BigInt(fraction.padEnd(12, "0"));
  }
  return total;
}

beforeAll(async () => {
  process.env.DATABASE_URL = createTestDatabase();
  db = (await import("@/lib/db/client")).getDb();
  userId = (await signInAs({ role: "member" })).id;
  const other = await db.user.create({ data: { email: "other@example.com", name: "Other" } });
  routes = {
    summary: await import("@/app/api/usage/summary/route"),
    breakdown: await import("@/app/api/usage/breakdown/route"),
    timeseries: await import("@/app/api/usage/timeseries/route"),
    activity: await import("@/app/api/usage/activity/route"),
    detail: await import("@/app/api/usage/activity/[id]/route"),
    activityCsv: await import("@/app/api/usage/export/activity.csv/route"),
    breakdownCsv: await import("@/app/api/usage/export/breakdown.csv/route"),
    freeTier: await import("@/app/api/usage/free-tier/route"),
  };

  for (let i = 0; i < 6000; i++) {
    const model = pick(MODELS);
    const source = rand() < 0.7 ? "chat" : "api";
    // Most rows spread over 400 days; some in the last hour, which the rollup has not sealed.
    const age = rand() < 0.05 ? rand() * 3_600_000 : rand() * 400 * DAY;
    const big = rand() < 0.02;
    rows.push({
      id: `gen-${i.toString().padStart(5, "0")}`,
      userId: rand() < 0.1 ? other.id : userId,
      createdAt: new Date(Math.floor(NOW - 60_000 - age)),
      modelId: model,
      provider: model.split("/")[0],
      upstreamModel: model.split("/").slice(1).join("/"),
      status: pick(STATUSES),
      source,
      apiKeyId: source === "api" ? pick(["key-a", "key-b", "key-c"]) : null,
      conversationId: source === "chat" ? `conv-${Math.floor(rand() * 40)}` : null,
      promptTokens: Math.floor(rand() * 20_000),
      completionTokens: Math.floor(rand() * 8_000),
      costPico: big ? BigInt(Math.floor(rand() * 1e9)) * 1_000_003n : BigInt(Math.floor(rand() * 5e10)),
      cacheWriteTokens: rand() < 0.2 ? Math.floor(rand() * 4_000) : 0,
      cacheSavingsPico: rand() < 0.3 ? BigInt(Math.floor(rand() * 3e10)) : 0n,
      responseCacheHit: rand() < 0.05,
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db.generation.createMany({
      data: rows.slice(i, i + 500).map((r) => ({ ...r, requestedModel: r.modelId, ttftMs: Math.floor(rand() * 2000), totalMs: 2000 + Math.floor(rand() * 9000) })),
    });
  }
  for (let c = 0; c < 40; c++) await db.conversation.create({ data: { id: `conv-${c}`, userId, title: `Conversation, "number" ${c}` } });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
});

const RANGES: [string, number, number][] = [
  ["whole span", NOW - 420 * DAY, NOW + 60_000],
  ["a year with ragged edges", NOW - 365 * DAY - 1234567, NOW - 17 * 60_000 - 4321],
  ["a month ending mid-hour", NOW - 40 * DAY + 987_654, NOW - 10 * DAY + 1_800_000],
  ["the last day", NOW - DAY, NOW + 60_000],
];

const FILTERS: [string, string, (r: Row) => boolean][] = [
  ["no filter", "", () => true],
  ["model", `&model=${encodeURIComponent("openrouter/meta-llama/llama-3.3-70b-instruct:free")}`, (r) => r.modelId === "openrouter/meta-llama/llama-3.3-70b-instruct:free"],
  ["provider + status", "&provider=sandbox&status=done", (r) => r.provider === "sandbox" && r.status === "done"],
  ["source + api key", "&source=api&apiKeyId=key-b", (r) => r.source === "api" && r.apiKeyId === "key-b"],
  ["conversation (ledger only)", "&conversationId=conv-7", (r) => r.conversationId === "conv-7"],
];

describe("usage totals agree to the last picodollar", () => {
  for (const [rangeName, from, to] of RANGES) {
    for (const [filterName, filterQs, filter] of FILTERS) {
      for (const tz of ["UTC", "Europe/Berlin", "Asia/Kolkata"]) {
        it(`${rangeName}, ${filterName}, ${tz}`, async () => {
          const qs = `range=custom&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&tz=${tz}${filterQs}`;
          const expected = expectedSum(from, to, filter);

          const summary = await json<{ costPico: string; requests: number; promptTokens: number; completionTokens: number; cacheSavingsPico: string; cacheWriteTokens: number; responseCacheHits: number }>(
            routes.summary.GET(get(`/api/usage/summary?${qs}`)),
          );
          expect(BigInt(summary.costPico)).toBe(expected.cost);
          expect(BigInt(summary.cacheSavingsPico)).toBe(expected.savings);
          expect(summary.cacheWriteTokens).toBe(expected.cacheWrite);
          expect(summary.responseCacheHits).toBe(expected.hits);
          expect(summary.requests).toBe(expected.requests);
          expect(summary.promptTokens).toBe(expected.prompt);
          expect(summary.completionTokens).toBe(expected.completion);

          for (const groupBy of ["model", "provider", "source", "apiKey", "conversation"]) {
            const breakdown = await json<{ rows: { costPico: string; requests: number }[]; total: { costPico: string; cacheSavingsPico: string } }>(
              routes.breakdown.GET(get(`/api/usage/breakdown?${qs}&groupBy=${groupBy}`)),
            );
            expect(breakdown.rows.reduce((s, r) => s + BigInt(r.costPico), 0n), groupBy).toBe(expected.cost);
            expect(BigInt(breakdown.total.costPico)).toBe(expected.cost);
            expect(BigInt(breakdown.total.cacheSavingsPico)).toBe(expected.savings);
            expect(breakdown.rows.reduce((s, r) => s + r.requests, 0)).toBe(expected.requests);
          }

          for (const stackBy of ["model", "provider"]) {
            const series = await json<{ points: { costPico: string; requests: number; series: Record<string, { costPico: string }> }[] }>(
              routes.timeseries.GET(get(`/api/usage/timeseries?${qs}&stackBy=${stackBy}&top=3`)),
            );
            expect(series.points.reduce((s, p) => s + BigInt(p.costPico), 0n)).toBe(expected.cost);
            expect(series.points.reduce((s, p) => s + p.requests, 0)).toBe(expected.requests);
            const stacked = series.points.flatMap((p) => Object.values(p.series)).reduce((s, v) => s + BigInt(v.costPico), 0n);
            expect(stacked).toBe(expected.cost);
          }

          if (tz === "UTC") {
            const csv = await routes.activityCsv.GET(get(`/api/usage/export/activity.csv?${qs}`));
            expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="switchyard-activity-.*\.csv"$/);
            const text = await csv.text();
            expect(csvCostTotal(text)).toBe(expected.cost);
            expect(csvCostTotal(text, "cache_savings_usd")).toBe(expected.savings);
            expect(text.trim().split("\r\n").length - 1).toBe(expected.requests);
            const byModel = await routes.breakdownCsv.GET(get(`/api/usage/export/breakdown.csv?${qs}&groupBy=model`));
            expect(csvCostTotal(await byModel.text())).toBe(expected.cost);
          }
        });
      }
    }
  }

  it("keeps every rollup equal to the ledger as rows are written, changed and deleted", async () => {
    const { queryRows } = await import("@/lib/usage/db");
    const totals = async () => {
      const sums = `CAST(SUM("requests") AS TEXT) AS "requests", CAST(SUM("costPico") AS TEXT) AS "cost", CAST(SUM("completionTokens") AS TEXT) AS "completion", CAST(SUM("cacheSavingsPico") AS TEXT) AS "savings", CAST(SUM("cacheWriteTokens") AS TEXT) AS "cacheWrite"`;
      const read = async (table: string) => (await queryRows<Record<string, string>>(`SELECT ${sums} FROM "${table}" WHERE "userId" = ?`, [userId]))[0];
      const [ledger] = await queryRows<Record<string, string>>(
        // Rows still streaming join the rollups when they end.
        `SELECT CAST(COUNT(*) AS TEXT) AS "requests", CAST(SUM("costPico") AS TEXT) AS "cost", CAST(SUM("completionTokens") AS TEXT) AS "completion", CAST(SUM("cacheSavingsPico") AS TEXT) AS "savings", CAST(SUM("cacheWriteTokens") AS TEXT) AS "cacheWrite" FROM "Generation" WHERE "userId" = ? AND "status" <> 'streaming'`,
        [userId],
      );
      for (const table of ["UsageHourlyRollup", "UsageDailyModelRollup", "UsageConversationRollup"]) expect(await read(table), table).toEqual(ledger);
      return ledger;
    };
    const before = await totals();
    const shown = async () => json<{ requests: number; costPico: string; completionTokens: number }>(routes.summary.GET(get(`/api/usage/summary?range=year`)));
    const shownBefore = await shown();
    // Three hours ago: inside the span the dashboard reads from the rollups, not the ragged edge.
    const fresh = { id: "gen-fresh", userId, createdAt: new Date(Date.now() - 3 * 3_600_000), modelId: "sandbox/swift-mini", provider: "sandbox", upstreamModel: "swift-mini", status: "streaming", source: "chat", apiKeyId: null, conversationId: "conv-1", promptTokens: 10, completionTokens: 0, costPico: 0n, cacheWriteTokens: 0, cacheSavingsPico: 0n, responseCacheHit: false };
    await db.generation.create({ data: { ...fresh, requestedModel: fresh.modelId } });
    await totals();
    // A checkpoint of the open row: not in the rollups, yet the dashboard shows it, from the ledger.
    await db.generation.update({ where: { id: fresh.id }, data: { completionTokens: 7, costPico: 300n } });
    expect(await totals()).toEqual(before);
    const shownLive = await shown();
    expect(shownLive.requests).toBe(shownBefore.requests + 1);
    expect(BigInt(shownLive.costPico) - BigInt(shownBefore.costPico)).toBe(300n);
    await db.generation.update({ where: { id: fresh.id }, data: { status: "done", completionTokens: 20, costPico: 777n, cacheWriteTokens: 4, cacheSavingsPico: 5n, ttftMs: 100, totalMs: 900 } });
    rows.push({ ...fresh, status: "done", completionTokens: 20, costPico: 777n, cacheWriteTokens: 4, cacheSavingsPico: 5n });
    const after = await totals();
    expect(BigInt(after.cost) - BigInt(before.cost)).toBe(777n);
    const gone = rows.findIndex((r) => r.userId === userId && r.id !== fresh.id);
    await db.generation.delete({ where: { id: rows[gone].id } });
    rows.splice(gone, 1);
    await totals();
    const summary = await json<{ costPico: string; from: string; to: string }>(routes.summary.GET(get(`/api/usage/summary?range=year`)));
    expect(BigInt(summary.costPico)).toBe(expectedSum(Date.parse(summary.from), Date.parse(summary.to)).cost);
  });
});

describe("activity log", () => {
  const qs = `range=custom&from=${new Date(NOW - 420 * DAY).toISOString()}&to=${new Date(NOW + 120_000).toISOString()}`;
  type Page = { rows: { id: string; createdAt: string; costPico: string }[]; nextCursor: string | null };

  it("walks every row once with the cursor, newest first, and page=N lands on the same rows", async () => {
    const seen: string[] = [];
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await json<Page>(routes.activity.GET(get(`/api/usage/activity?${qs}&limit=200${cursor ? `&cursor=${cursor}` : ""}`)));
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    const mine = rows.filter((r) => r.userId === userId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1));
    expect(seen).toEqual(mine.map((r) => r.id));
    const page7 = await json<Page>(routes.activity.GET(get(`/api/usage/activity?${qs}&limit=200&page=7`)));
    expect(page7.rows.map((r) => r.id)).toEqual(pages[6].rows.map((r) => r.id));
  });

  it("shows one generation in full, and not another user's", async () => {
    const mine = rows.find((r) => r.userId === userId)!;
    const detail = await json<{ id: string; costPico: string; price: { prompt: { usdPerMillion: string } } }>(
      routes.detail.GET(get(`/api/usage/activity/${mine.id}`), { params: Promise.resolve({ id: mine.id }) }),
    );
    expect(detail.id).toBe(mine.id);
    expect(BigInt(detail.costPico)).toBe(mine.costPico);
    const theirs = rows.find((r) => r.userId !== userId)!;
    const response = await routes.detail.GET(get(`/api/usage/activity/${theirs.id}`), { params: Promise.resolve({ id: theirs.id }) });
    expect(response.status).toBe(404);
  });

  it("rejects bad parameters with a 400 and a message", async () => {
    for (const bad of ["range=decade", "limit=0", "cursor=nonsense", "page=2&cursor=abc", "tz=Nowhere/Else"]) {
      const response = await routes.activity.GET(get(`/api/usage/activity?${bad}`));
      expect(response.status, bad).toBe(400);
      const body = await response.json();
      expect(body.error.message.length, bad).toBeGreaterThan(5);
    }
  });
});

describe("free tier", () => {
  it("counts the last minute's and the last 24 hours' requests, with the limits enforcement uses", async () => {
    type Status = { models: { label: string; minute: { used: number; remaining: number; limit: number }; day: { used: number; remaining: number; limit: number } }[] };
    const quotaNow = async () => (await json<Status>(routes.freeTier.GET(appRequest("/api/usage/free-tier")))).models.find((m) => m.label === "OpenRouter free models");
    const before = (await quotaNow()) ?? { minute: { used: 0 }, day: { used: 0 } };
    const base = { userId, modelId: "openrouter/x/y:free", requestedModel: "openrouter/x/y:free", provider: "openrouter", upstreamModel: "x/y:free", status: "done", source: "chat" };
    await db.generation.createMany({
      data: [
        { ...base, id: "ft-1", createdAt: new Date(Date.now() - 5_000) },
        { ...base, id: "ft-2", createdAt: new Date(Date.now() - 10_000) },
        // Another :free model shares OpenRouter's one quota.
        { ...base, id: "ft-3", upstreamModel: "z/w:free", createdAt: new Date(Date.now() - 30 * 60_000) },
        // 23 hours ago is inside the rolling day whatever the clock says; 25 hours ago is not.
        { ...base, id: "ft-4", createdAt: new Date(Date.now() - 23 * 3_600_000) },
        { ...base, id: "ft-5", createdAt: new Date(Date.now() - 25 * 3_600_000) },
      ],
    });
    // The panel reads the deployment's override, as enforcement does.
    process.env.FREE_TIER_OPENROUTER_RPM = "7";
    (await import("@/lib/env")).resetEnvCache();
    try {
      const quota = (await quotaNow())!;
      expect(quota.minute.used - before.minute.used).toBe(2);
      expect(quota.minute).toMatchObject({ limit: 7, remaining: Math.max(0, 7 - quota.minute.used) });
      expect(quota.day.used - before.day.used).toBe(4);
      expect(quota.day).toMatchObject({ limit: 200, remaining: 200 - quota.day.used });
    } finally {
      delete process.env.FREE_TIER_OPENROUTER_RPM;
      (await import("@/lib/env")).resetEnvCache();
    }
  });
});
