// Two instances, one Redis, one database: limits are exact across instances, reservations
// lapse with a dead instance, Stop and live views cross instances, invalidations reach every
// instance at once, and an unreachable Redis fails closed. Run with `npm run test:scale`.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { startCluster, LEASE_SECONDS, type Cluster, type Instance } from "./cluster";

let cluster: Cluster;
let userId: string;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let createApiKey: typeof import("@/lib/auth/api-keys").createApiKey;

beforeAll(async () => {
  cluster = await startCluster();
  db = (await import("@/lib/db/client")).getDb();
  createApiKey = (await import("@/lib/auth/api-keys")).createApiKey;
  userId = (await signInAs()).id;
});

afterAll(async () => {
  await cluster?.close();
});

const SWIFT = "sandbox/swift-mini";

async function keyWith(limits: { rpm?: number; tpm?: number; creditLimitPico?: bigint }): Promise<{ key: string; id: string }> {
  const { creditLimitPico, ...rest } = limits;
  const { key, apiKey } = await createApiKey(userId, { name: "scale", ...rest });
  if (creditLimitPico !== undefined) await db.apiKey.update({ where: { id: apiKey.id }, data: { creditLimitPico } });
  return { key, id: apiKey.id };
}

function complete(instance: Instance, key: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  return fetch(`${instance.url}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

/**
 * Sends `count` requests at once, alternating between the instances; answers status and
 * Retry-After. A stream that waits long for admission gets its 200 and keep-alives first and
 * its refusal as an error event: that counts by the error's status.
 */
async function burst(count: number, send: (instance: Instance) => Promise<Response>) {
  const answers = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await send(cluster.pick(i));
      const text = await response.text();
      return { status: response.status === 200 ? inStreamStatus(text) : response.status, retryAfter: response.headers.get("retry-after") };
    }),
  );
  const count429 = answers.filter((a) => a.status === 429);
  return { ok: answers.filter((a) => a.status === 200).length, limited: count429.length, retryAfters: count429.map((a) => a.retryAfter), other: answers.filter((a) => a.status !== 200 && a.status !== 429) };
}

describe("rate limits are exact across two instances", () => {
  it("rpm 10: of 200 requests at once over both instances, exactly 10 get through and 190 get 429 with Retry-After", async () => {
    const { key } = await keyWith({ rpm: 10 });
    const result = await burst(200, (instance) => complete(instance, key, { model: SWIFT, max_tokens: 5, messages: [{ role: "user", content: "hi [[sandbox:tokens=2]]" }] }));
    expect(result.other).toEqual([]);
    expect(result.ok).toBe(10);
    expect(result.limited).toBe(190);
    expect(result.retryAfters.every((value) => Number(value) >= 1)).toBe(true);
  });

  it("tpm: a key with room for 10 requests' worst case admits exactly 10 of 200, while they stream", async () => {
    const { countRequestTokens } = await import("@/lib/ledger/count-tokens");
    const messages = [{ role: "user", content: "tell me a story [[sandbox:slow]] [[sandbox:tokens=40]]" }];
    const perRequest = countRequestTokens({ model: SWIFT, messages, max_tokens: 200 } as never) + 200;
    // Half a request of slack either way: exactly 10 fit even if the count is a few tokens off.
    const { key } = await keyWith({ tpm: 10 * perRequest + Math.floor(perRequest / 2) });
    const result = await burst(200, (instance) => complete(instance, key, { model: SWIFT, max_tokens: 200, messages }));
    expect(result.other).toEqual([]);
    expect(result.ok).toBe(10);
    expect(result.limited).toBe(190);
  });

  it("free-tier cap (10 a minute): exactly 10 of 200 reach the free model", async () => {
    const { key } = await keyWith({});
    const before = cluster.upstream.requests.length;
    const result = await burst(200, (instance) => complete(instance, key, { model: "openrouter/openai/gpt-oss-20b:free", messages: [{ role: "user", content: "hi" }] }));
    expect(result.other).toEqual([]);
    expect(result.ok).toBe(10);
    expect(result.limited).toBe(190);
    expect(cluster.upstream.requests.length - before).toBe(10);
  });
});

describe("credit is never overspent across two instances", () => {
  it("100 streams at once against credit for about 20: spend stays within the limit and equals the ledger", async () => {
    // Roughly 20 worst cases of this request (prompt ~20 tokens + 60 output at swift-mini's prices).
    const limit = 20n * (20n * 150_000n + 60n * 600_000n);
    const { key, id } = await keyWith({ creditLimitPico: limit });
    const body = { model: SWIFT, max_tokens: 60, stream: true, messages: [{ role: "user", content: "count to sixty [[sandbox:tokens=60]]" }] };
    const result = await burst(100, (instance) => complete(instance, key, body));
    expect(result.other.map((o) => o.status).filter((s) => s !== 402)).toEqual([]);
    expect(result.ok).toBeGreaterThan(0);
    expect(result.ok).toBeLessThan(100);

    const { flushLedger } = await import("@/lib/ledger/ledger-writer");
    await flushLedger();
    const rows = await waitForRows(id, result.ok);
    const ledger = rows.reduce((sum, row) => sum + row.costPico, 0n);
    expect(ledger).toBeLessThanOrEqual(limit);
    // The shared spend (what every instance admits against) is exactly the ledger's sum.
    const spent = await redisHold(`hold:credit:${id}:0`);
    expect(spent.reserved).toBe(0n);
    expect(spent.spent).toBe(ledger);
  });
});

describe("Stop, live view and invalidation across instances", () => {
  it("a turn streaming on A is stopped through B, and B's page sees A's live column meanwhile", async () => {
    const user = await signInAs();
    const [a, b] = cluster.instances;
    const response = await chatTurn(a, user, { prompt: "Write a long essay [[sandbox:slow]]", columns: [{ modelId: SWIFT }] });
    const events = readEvents(response);
    const start = await events.until((e) => e.type === "column-start");
    await events.until((e) => e.type === "text");

    // The page on another instance reads the conversation: the column is there, streaming.
    const conversations = await import("@/app/api/conversations/[id]/route");
    const { appRequest } = await import("../helpers/auth");
    const seen = await waitFor(async () => {
      const page = await conversations.GET(appRequest(`/api/conversations/${start.conversationId}`, { as: user }), { params: Promise.resolve({ id: start.conversationId }) });
      const conversation = (await page.json()) as { messages: { id: string; status: string; content: string }[] };
      const live = conversation.messages.find((m) => m.id === start.messageId);
      return live && live.status === "streaming" && live.content.length > 0 ? live : null;
    });
    expect(seen.status).toBe("streaming");

    const stop = await fetch(`${b.url}/api/chat/stop`, { method: "POST", headers: { ...user.headers, origin: b.url, "content-type": "application/json" }, body: JSON.stringify({ messageId: start.messageId }) });
    expect(stop.status).toBe(200);
    expect(await stop.json()).toEqual({ stopped: 1 });
    const end = await events.until((e) => e.type === "column-end" || e.type === "column-error");
    expect(end.stats.status).toBe("stopped");
  });

  it("a key revoked through one instance is refused by the other at once", async () => {
    const { key, id } = await keyWith({});
    const [a, b] = cluster.instances;
    const body = { model: SWIFT, max_tokens: 5, messages: [{ role: "user", content: "hi [[sandbox:tokens=2]]" }] };
    expect((await complete(a, key, body)).status).toBe(200);
    expect((await complete(b, key, body)).status).toBe(200);
    const { revokeApiKey } = await import("@/lib/auth/api-keys");
    // The test process revokes (a third instance): both servers learn of it over the bus.
    expect(await revokeApiKey(userId, id)).toBe(true);
    expect((await complete(a, key, body)).status).toBe(401);
    expect((await complete(b, key, body)).status).toBe(401);
  });

  it("a user disabled through one instance is refused by both at once, and a session signed out is gone everywhere", async () => {
    const member = await signInAs({ role: "member" });
    const { key } = await createApiKey(member.id, { name: "member" });
    const [a, b] = cluster.instances;
    const body = { model: SWIFT, max_tokens: 5, messages: [{ role: "user", content: "hi [[sandbox:tokens=2]]" }] };
    expect((await complete(a, key, body)).status).toBe(200);
    expect((await complete(b, key, body)).status).toBe(200);
    // Each instance has the member's session cached now.
    const me = (instance: Instance) => fetch(`${instance.url}/api/chat/stop`, { method: "POST", headers: { ...member.headers, origin: instance.url, "content-type": "application/json" }, body: JSON.stringify({ messageId: "none" }) });
    expect((await me(a)).status).toBe(404);
    expect((await me(b)).status).toBe(404);
    const { updateUser } = await import("@/lib/auth/users");
    await updateUser(userId, member.id, { disabled: true });
    for (const instance of [a, b]) {
      const refused = await complete(instance, key, body);
      expect(refused.status).toBe(401);
      expect(JSON.stringify(await refused.json())).toMatch(/disabled/);
      expect((await me(instance)).status).toBe(401);
    }
  });
});

describe("failures", () => {
  it("a killed instance's reservations lapse: the key is not locked out", async () => {
    const [a, b] = cluster.instances;
    // Room for one slow call's worst case, not two.
    const worst = 40n * 150_000n + 400n * 600_000n;
    const { key, id } = await keyWith({ creditLimitPico: worst + worst / 2n });
    const body = { model: SWIFT, max_tokens: 400, stream: true, messages: [{ role: "user", content: "a long one [[sandbox:slow]]" }] };
    const first = await complete(a, key, body);
    expect(first.status).toBe(200);
    expect((await complete(b, key, { ...body, stream: false })).status).toBe(402);
    await a.kill();
    first.body?.cancel().catch(() => undefined);
    expect((await redisHold(`hold:credit:${id}:0`)).reserved).toBeGreaterThan(0n);
    // The lease lapses; the next admission drops it and the key has its credit back.
    await new Promise((r) => setTimeout(r, (LEASE_SECONDS + 1) * 1000));
    const after = await complete(b, key, { model: SWIFT, max_tokens: 400, messages: [{ role: "user", content: "short [[sandbox:tokens=3]]" }] });
    expect(after.status).toBe(200);

    // Starting A again closes what A left streaming, not the answer B is streaming meanwhile.
    const user = await signInAs();
    const events = readEvents(await chatTurn(b, user, { prompt: "A long essay [[sandbox:slow]] [[sandbox:tokens=250]]", columns: [{ modelId: SWIFT }] }));
    await events.until((e) => e.type === "text");
    await cluster.restart(0);
    const end = await events.until((e) => e.type === "column-end" || e.type === "column-error");
    expect(end.stats.status).toBe("done");
  });

  it("rows a killed instance left streaming are closed by the instance still running; the survivor's own stream stays open", async () => {
    const [a, b] = cluster.instances;
    const { key } = await keyWith({});
    // ~60 s each (15 tokens a second): both outlive the sweep that closes A's row.
    const body = { model: SWIFT, max_tokens: 1000, stream: true, messages: [{ role: "user", content: "a long one [[sandbox:slow]] [[sandbox:tokens=900]]" }] };
    const [onA, onB] = await Promise.all([complete(a, key, body), complete(b, key, body)]);
    const [idA, idB] = [onA, onB].map((response) => response.headers.get("x-generation-id")!);
    await waitFor(async () => ((await db.generation.count({ where: { id: { in: [idA, idB] }, status: "streaming" } })) === 2 ? true : null));
    await a.kill();
    onA.body?.cancel().catch(() => undefined);
    // A's heartbeat lapses (15 s) and its row is past the settling time (10 s); B sweeps every 15 s.
    const closed = await waitFor(async () => {
      const row = await db.generation.findUniqueOrThrow({ where: { id: idA } });
      return row.status === "streaming" ? null : row;
    }, 50_000);
    expect(closed.status).toBe("error");
    expect(closed.error).toMatch(/^Interrupted/);
    expect((await db.generation.findUniqueOrThrow({ where: { id: idB } })).status).toBe("streaming");
    onB.body?.cancel().catch(() => undefined);
    await cluster.restart(0);
  }, 90_000);

  it("provider health is the deployment's: failures seen by A and B add up to one cool-down, seen by every instance", async () => {
    const [a, b] = cluster.instances;
    const { getEndpointHealth, isCoolingDown, resetHealth } = await import("@/lib/router/health");
    resetHealth();
    const { key } = await keyWith({});
    const body = { model: "openrouter/openai/gpt-4o-mini", max_tokens: 5, messages: [{ role: "user", content: "hi" }] };
    cluster.upstream.mode = "500";
    try {
      // Two failures on A: this process (a third instance) learns of them within a second or so.
      for (let i = 0; i < 2; i++) expect((await complete(a, key, body)).status).toBeGreaterThanOrEqual(500);
      const seen = await waitFor(async () => ((getEndpointHealth("openrouter", "openai/gpt-4o-mini")?.failures ?? 0) >= 2 ? getEndpointHealth("openrouter", "openai/gpt-4o-mini")! : null));
      expect(seen).toMatchObject({ calls: 2, failures: 2 });
      expect(seen.errorRate).toBeGreaterThan(0);
      expect(isCoolingDown("openrouter")).toBe(false);
      // B has heard of them too: its own first failure is the third in a row, and starts the cool-down everywhere.
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await complete(b, key, body)).status).toBeGreaterThanOrEqual(500);
      expect(await waitFor(async () => (isCoolingDown("openrouter") ? true : null))).toBe(true);
    } finally {
      cluster.upstream.mode = "ok";
    }
  });

  it("Redis down: credit-limited calls get 503 with a clear message and /api/ready says why; back when Redis is", async () => {
    const [, b] = cluster.instances;
    const { key } = await keyWith({ creditLimitPico: 10n ** 12n });
    const body = { model: SWIFT, max_tokens: 5, messages: [{ role: "user", content: "hi [[sandbox:tokens=2]]" }] };
    expect((await fetch(`${b.url}/api/ready`)).status).toBe(200);
    await cluster.redis.stop();
    const refused = await complete(b, key, body);
    expect(refused.status).toBe(503);
    expect(JSON.stringify(await refused.json())).toMatch(/shared store \(Redis\) is unreachable/);
    const ready = await fetch(`${b.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, database: { ok: true }, redis: { ok: false } });

    await cluster.redis.restart();
    const back = await waitFor(async () => ((await fetch(`${b.url}/api/ready`)).status === 200 ? true : null));
    expect(back).toBe(true);
    expect((await complete(b, key, body)).status).toBe(200);
  });
});

// Helpers

/** 200 for an answer, or the status an in-stream error event names (0 when it names none). */
function inStreamStatus(text: string): number {
  if (!text.includes("data: {\"error\"") && !/"error":\s*\{/.test(text)) return 200;
  const code = /"code":\s*"?(\d{3})/.exec(text);
  return code ? Number(code[1]) : 0;
}

async function redisHold(name: string): Promise<{ spent: bigint; reserved: bigint }> {
  const redis = new Redis(cluster.redis.url);
  try {
    const [spent, reserved] = await redis.hmget(`${process.env.REDIS_KEY_PREFIX}${name}`, "spent", "reserved");
    return { spent: BigInt(spent ?? "0"), reserved: BigInt(reserved ?? "0") };
  } finally {
    redis.disconnect();
  }
}

async function waitForRows(apiKeyId: string, count: number) {
  return waitFor(async () => {
    const rows = await db.generation.findMany({ where: { apiKeyId, status: { not: "streaming" } } });
    return rows.length >= count ? rows : null;
  });
}

/** Polls until `probe` answers (for state another process writes); fails after `ms` (20 s). */
async function waitFor<T>(probe: () => Promise<T | null | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("gave up waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

function chatTurn(instance: Instance, user: TestUser, body: unknown): Promise<Response> {
  return fetch(`${instance.url}/api/chat`, { method: "POST", headers: { ...user.headers, origin: instance.url, "content-type": "application/json" }, body: JSON.stringify(body) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEvent = any;

function readEvents(response: Response) {
  const seen: AnyEvent[] = [];
  const waiters: { match: (e: AnyEvent) => boolean; resolve: (e: AnyEvent) => void }[] = [];
  void (async () => {
    const { readSse } = await import("@/lib/streaming/sse");
    for await (const message of readSse(response.body!)) {
      const event = JSON.parse(message.data) as AnyEvent;
      seen.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.match(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    }
  })();
  return {
    until(match: (e: AnyEvent) => boolean): Promise<AnyEvent> {
      const found = seen.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}
