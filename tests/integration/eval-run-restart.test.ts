// An evaluation run outlives its server: the real server (a child process) runs a set on the
// sandbox with slow answers, is killed (SIGKILL) mid-run, and the next start takes the run up
// once the dead instance's lease expires — with the same models, concurrency, maxTokens and
// cap, counting what was spent before the crash. Each prompt runs once; the cap is kept; the
// ledger and the run agree on what was spent. A SIGTERM frees the run at once for the next start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { startServerProcess } from "../helpers/server-process";
import { createTestDatabase } from "../helpers/test-db";

let databaseUrl: string;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let user: TestUser;
let evals: typeof import("@/lib/evals/eval-runner");
let lease: typeof import("@/lib/evals/eval-lease");
let store: typeof import("@/lib/evals/eval-store");

const LEASE_SECONDS = "2";
const MODELS = ["sandbox/atlas-large", "sandbox/swift-mini"];
// atlas-large answers 40 tokens a second at SANDBOX_SPEED=1: each prompt takes about 3 s.
const PROMPTS = Array.from({ length: 6 }, (_, i) => `Eval prompt number ${i + 1} [[sandbox:tokens=120]]`);

beforeAll(async () => {
  databaseUrl = createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: databaseUrl, SANDBOX_ENABLED: "true", EVAL_LEASE_SECONDS: LEASE_SECONDS });
  delete process.env.SANDBOX_BASE_URL;
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  user = await signInAs();
  evals = await import("@/lib/evals/eval-runner");
  lease = await import("@/lib/evals/eval-lease");
  store = await import("@/lib/evals/eval-store");
});

afterAll(async () => db?.$disconnect());

const server = () => startServerProcess({ DATABASE_URL: databaseUrl, EVAL_LEASE_SECONDS: LEASE_SECONDS });
const readRun = (id: string) => db.evalRun.findUniqueOrThrow({ where: { id } });

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last: ${JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A run created as the route creates it, whose server stopped before taking its first prompt. */
async function createdRun(name: string, cap: (worst: bigint[]) => bigint) {
  const set = await store.createEvalSet(user.id, name, PROMPTS);
  const { estimateSet } = await import("@/lib/evals/eval-estimate");
  const { perPrompt } = await estimateSet(user.id, PROMPTS, MODELS, 120);
  const capPico = cap(perPrompt);
  const { run } = await evals.createEvalRun(user.id, set.id, { models: MODELS, costCapUsd: (Number(capPico) / 1e12).toFixed(12), concurrency: 2, maxTokens: 120 });
  await lease.releaseRun(run.id);
  return { run, perPrompt };
}

const started = (run: { conversationIds: string }) => (JSON.parse(run.conversationIds) as (string | null)[]).filter((id) => id !== null);

/** Per prompt, the comparison recorded and saved when the server stopped (a resume keeps exactly these), else null. */
async function savedComparisons(run: { conversationIds: string }): Promise<(string | null)[]> {
  const ids = JSON.parse(run.conversationIds) as (string | null)[];
  const saved = new Set((await db.conversation.findMany({ where: { id: { in: ids.filter((id) => id !== null) } }, select: { id: true } })).map((c) => c.id));
  return ids.map((id) => (id !== null && saved.has(id) ? id : null));
}

/** Every prompt that had its comparison before the stop still has that one, and no other. */
function expectKept(before: (string | null)[], after: { conversationIds: string }) {
  const ids = JSON.parse(after.conversationIds) as (string | null)[];
  before.forEach((id, i) => id !== null && expect(ids[i]).toBe(id));
}

async function chatSpend(conversationIds: string[]): Promise<bigint> {
  const sum = await db.generation.aggregate({ _sum: { costPico: true }, where: { source: "chat", conversationId: { in: conversationIds } } });
  return sum._sum.costPico ?? 0n;
}

describe("the lease on a run", () => {
  it("goes to exactly one of many claims at once, to another only once it expired, and no longer lets the old owner write", async () => {
    const { run } = await createdRun("Lease", (worst) => worst[0] * 10n);
    const claims = await Promise.all(Array.from({ length: 12 }, () => lease.claimRun(run.id)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await lease.writeHeld(run.id, { completed: 0 })).toBe(true);

    // The holder "died": its lease lapses, and another instance takes the run.
    await db.evalRun.update({ where: { id: run.id }, data: { leaseUntil: new Date(Date.now() - 1) } });
    expect(await lease.unleasedRuns()).toContain(run.id);
    await db.evalRun.updateMany({ where: { id: run.id, leaseUntil: { lt: new Date() } }, data: { leaseOwner: "another-instance", leaseUntil: new Date(Date.now() + 60_000) } });
    expect(await lease.unleasedRuns()).not.toContain(run.id);
    expect(await lease.claimRun(run.id)).toBe(false);
    expect(await lease.writeHeld(run.id, { completed: 5 })).toBe(false);
    expect((await readRun(run.id)).completed).toBe(0);
    await db.evalRun.delete({ where: { id: run.id } });
  });
});

describe("an evaluation run across a crash", () => {
  it("is resumed by the next start where it stopped: each prompt once, within the cap", async () => {
    // Room for every prompt but half of the last one's worst case: the cap binds.
    const { run, perPrompt } = await createdRun("Crash", (worst) => worst.reduce((a, b) => a + b, 0n) - worst[5] / 2n);

    const first = await server();
    // Two prompts done and the next two in flight, past a checkpoint: then the crash.
    await until(() => readRun(run.id), (r) => r.completed >= 2 && started(r).length >= 4);
    await new Promise((r) => setTimeout(r, 1_200));
    first.child.kill("SIGKILL");
    await first.exited;
    const crashed = await readRun(run.id);
    expect(crashed.status).toBe("running");
    expect(crashed.leaseOwner).not.toBeNull();
    const beforeCrash = await savedComparisons(crashed);
    const killedAt = new Date();

    const second = await server();
    const finished = await until(() => readRun(run.id), (r) => r.status !== "running");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain(`resuming evaluation run ${run.id}`);

    // The same run, with what it was started with, picked up by each start (the first took it
    // from the server that created it, the second from the crashed one).
    const final = await readRun(run.id);
    expect(["done", "capped"]).toContain(final.status);
    expect(final).toMatchObject({ resumes: 2, concurrency: 2, maxTokens: 120, leaseOwner: null, leaseUntil: null });
    expect(finished.models).toBe(JSON.stringify(MODELS));
    const ids = started(final);
    expectKept(beforeCrash, final);
    const keptCount = beforeCrash.filter((id) => id !== null).length;
    expect(ids.length).toBeGreaterThan(keptCount);
    expect(final.completed).toBe(ids.length);

    // Each prompt ran once: one comparison each, and no other comparison was made.
    const conversations = await db.conversation.findMany({ where: { userId: user.id }, include: { messages: true, columns: true } });
    expect(conversations.map((c) => c.id).sort()).toEqual([...ids].sort());
    const prompts = conversations.map((c) => c.messages.find((m) => m.role === "user")!.content);
    expect(new Set(prompts).size).toBe(ids.length);
    expect(prompts.sort()).toEqual(PROMPTS.slice(0, ids.length).sort());
    for (const c of conversations) expect(c.columns.map((col) => [col.modelId, col.maxTokens])).toEqual(MODELS.map((m) => [m, 120]));
    // Some prompts ran after the restart; the ones in flight at the crash were kept, closed as errors.
    expect(conversations.filter((c) => c.createdAt > killedAt).length).toBe(ids.length - keptCount);
    const interrupted = conversations.filter((c) => c.messages.some((m) => m.role === "assistant" && m.status === "error"));
    expect(interrupted.length).toBeGreaterThan(0);
    for (const c of interrupted) expect(beforeCrash).toContain(c.id);

    // The cap was kept, and the run's spend is the ledger's, the crashed prompts included.
    expect(final.spentPico).toBeLessThanOrEqual(final.costCapPico);
    expect(final.spentPico).toBe(await chatSpend(ids));
    // The results table adds up to the same: the answers the crash cut off show what they cost.
    const { evalResults } = await import("@/lib/evals/eval-results");
    const table = await evalResults(user.id, store.runToDto(final), PROMPTS);
    const cells = table.flatMap((row) => row.cells).filter((cell) => cell !== null);
    expect(cells.reduce((sum, cell) => sum + BigInt(cell.costPico), 0n)).toBe(final.spentPico);
    const cutOff = interrupted.flatMap((c) => c.messages.filter((m) => m.role === "assistant" && m.status === "error"));
    expect(cutOff.some((m) => m.costPico === 0n)).toBe(true);
    if (final.status === "capped") expect(final.spentPico + perPrompt[ids.length]).toBeGreaterThan(final.costCapPico);
  }, 180_000);

  it("is freed by a SIGTERM and taken up by the next start at once, without waiting for a lease", async () => {
    await db.conversation.deleteMany({ where: { userId: user.id } });
    const { run } = await createdRun("Term", (worst) => worst.reduce((a, b) => a + b, 0n) * 2n);
    const first = await server();
    await until(() => readRun(run.id), (r) => r.completed >= 1 && started(r).length >= 3);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const paused = await readRun(run.id);
    expect(paused).toMatchObject({ status: "running", leaseOwner: null, leaseUntil: null });
    const beforeStop = await savedComparisons(paused);
    expect(paused.completed).toBe(started(paused).length);

    const second = await server();
    const final = await until(() => readRun(run.id), (r) => r.status !== "running");
    second.child.kill("SIGTERM");
    await second.exited;
    expect(final.status).toBe("done");
    const ids = started(final);
    expect(ids).toHaveLength(PROMPTS.length);
    expectKept(beforeStop, final);
    expect(await db.conversation.count({ where: { userId: user.id } })).toBe(PROMPTS.length);
    expect(final.spentPico).toBe(await chatSpend(ids));
  }, 180_000);

  it("with two instances on one database: exactly one takes the run, and the other takes it over when that one dies", async () => {
    await db.conversation.deleteMany({ where: { userId: user.id } });
    const { run } = await createdRun("Two", (worst) => worst.reduce((a, b) => a + b, 0n) * 2n);
    const instances = await Promise.all([server(), server()]);
    const running = await until(() => readRun(run.id), (r) => started(r).length >= 2);
    const holders = instances.filter((i) => i.output().includes(`resuming evaluation run ${run.id}`));
    expect(holders).toHaveLength(1);
    const [holder] = holders;
    const other = instances.find((i) => i !== holder)!;
    expect(running.leaseOwner).not.toBeNull();

    holder.child.kill("SIGKILL");
    await holder.exited;
    const beforeCrash = await savedComparisons(await readRun(run.id));
    const final = await until(() => readRun(run.id), (r) => r.status !== "running");
    other.child.kill("SIGTERM");
    await other.exited;
    expect(other.output()).toContain(`resuming evaluation run ${run.id}`);
    expect(final.status).toBe("done");
    const ids = started(final);
    expect(ids).toHaveLength(PROMPTS.length);
    expectKept(beforeCrash, final);
    expect(await db.conversation.count({ where: { userId: user.id } })).toBe(PROMPTS.length);
    expect(final.spentPico).toBe(await chatSpend(ids));
  }, 180_000);
});
