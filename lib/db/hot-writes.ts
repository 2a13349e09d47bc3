// The writes on a turn's path — its rows, each answer's final state, the ledger — are
// committed by one worker thread with prepared statements (better-sqlite3 on SQLite,
// node-postgres on Postgres; about 100x cheaper than the ORM per statement), so neither the
// statements, the commits nor SQLite's checkpoints take time from the event loop that relays
// tokens. Everything else uses Prisma. The statements are named, in hot-statements.ts.
//
// Ledger writes (REPLAYABLE statements) also survive a database outage: when the writer
// reports the database unavailable they are kept in the durable outbox (ledger-outbox.ts),
// and while it holds anything, new ones queue behind it, so each row's writes stay in order.
import { Worker } from "node:worker_threads";
import { databaseDialect, resolveDatabaseUrl, sqliteFile } from "./database-url";
import { REPLAYABLE, compileNamed, statementsFor, type HotStatement, type HotWrite } from "./hot-statements";
import { HOT_WRITE_WORKER_SOURCE } from "./hot-write-worker";
import { POSTGRES_HOT_WRITE_WORKER_SOURCE } from "./hot-write-worker-postgres";
import { ledgerOutboxFor, type LedgerOutbox, type ReplayOutcome } from "./ledger-outbox";
import { postgresPoolConfig } from "./postgres-connection";
import { getEnv } from "../env";
import { processSingleton } from "../process-singleton";

export type { HotStatement, HotWrite } from "./hot-statements";

/** How long a commit may wait for the database lock (held by a Prisma transaction) before failing. */
const BUSY_TIMEOUT_MS = 10_000;

interface Failure {
  message: string;
  code: string | null;
  unavailable: boolean;
}

interface Job {
  writes: HotWrite[];
  /** Kept in the outbox rather than failed when the database cannot be reached. */
  durable: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface WriterState {
  worker: Worker | null;
  nextBatch: number;
  inFlight: Map<number, Job[]>;
  outbox: LedgerOutbox | null | undefined;
  replaying: Promise<void> | null;
  /** Each statement's parameter names in order (set when the thread starts). */
  params?: Record<HotStatement, string[]>;
}

interface QueueState {
  jobs: Job[];
  scheduled: boolean;
  lazy: boolean;
}

const state = processSingleton("hot-writer", (): WriterState => ({ worker: null, nextBatch: 1, inFlight: new Map(), outbox: undefined, replaying: null }));
const queue = processSingleton("hot-write-queue", (): QueueState => ({ jobs: [], scheduled: false, lazy: false }));

function startWorker(): Worker {
  const url = resolveDatabaseUrl(getEnv().DATABASE_URL);
  const dialect = databaseDialect(url);
  const sql = statementsFor(dialect);
  const compiled = Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, compileNamed(text)])) as Record<HotStatement, { text: string; params: string[] }>;
  state.params = Object.fromEntries(Object.entries(compiled).map(([name, c]) => [name, c.params])) as Record<HotStatement, string[]>;
  if (dialect === "postgres") {
    // Only plain data crosses to the thread: the pool settings without functions.
    const config = JSON.parse(JSON.stringify(postgresPoolConfig(url)));
    return new Worker(POSTGRES_HOT_WRITE_WORKER_SOURCE, { eval: true, workerData: { config, statements: compiled } });
  }
  return new Worker(HOT_WRITE_WORKER_SOURCE, { eval: true, workerData: { file: sqliteFile(url), sql, params: state.params, busyTimeoutMs: BUSY_TIMEOUT_MS } });
}

/** A write as the thread takes it: its values in the statement's parameter order (undefined where missing). */
function wireWrite([name, row]: HotWrite): [HotStatement, unknown[]] {
  const params = state.params![name];
  const values = new Array<unknown>(params.length);
  for (let i = 0; i < params.length; i++) values[i] = row[params[i]];
  return [name, values];
}

function writer(): Worker {
  if (state.worker) return state.worker;
  const worker = startWorker();
  // Only writes in flight keep the process alive (see flushQueue).
  worker.unref();
  worker.on("message", ({ id, errors }: { id: number; errors: (Failure | null)[] | null }) => {
    const jobs: Job[] = state.inFlight.get(id) ?? [];
    state.inFlight.delete(id);
    if (state.inFlight.size === 0) worker.unref();
    settle(jobs, (i) => errors?.[i] ?? null);
  });
  const lost = (error: unknown) => {
    if (state.worker !== worker) return;
    state.worker = null;
    const failure: Failure = { message: String((error as Error)?.message ?? error), code: null, unavailable: true };
    for (const jobs of state.inFlight.values()) settle(jobs, () => failure);
    state.inFlight.clear();
  };
  worker.on("error", lost);
  worker.on("exit", (code) => lost(new Error(`The database writer stopped (exit code ${code})`)));
  return (state.worker = worker);
}

/** Resolves what committed; keeps durable jobs the database could not take; rejects the rest. */
function settle(jobs: Job[], failureOf: (index: number) => Failure | null): void {
  const kept: Job[] = [];
  jobs.forEach((job, i) => {
    const failure = failureOf(i);
    if (!failure) job.resolve();
    else if (failure.unavailable && job.durable && outbox()) kept.push(job);
    else job.reject(Object.assign(new Error(failure.message), { code: failure.code, unavailable: failure.unavailable }));
  });
  if (kept.length > 0) keepInOutbox(kept);
}

/**
 * Ledger rows can wait this long for company: one message to the writer and one commit then
 * serve several calls. Each commit costs the writer thread ~0.2 ms of CPU, on the same cores
 * as the relay; at 10 ms a busy server committed ~100 times a second, at 50 ms ~20 (bench/README).
 * Enforcement never waits on these rows (credit and budgets count in memory or Redis), and a
 * crash loses no more than the checkpoints already allow (a second of delivery).
 */
export const LAZY_FLUSH_MS = 50;

/**
 * Queues the writes; everything queued in the same tick commits in one transaction
 * (group commit: under load, one commit serves many turns). Resolves once committed — or,
 * for writes made only of REPLAYABLE statements while the database is unreachable, once kept
 * in the durable outbox. `lazy` writes (ledger rows, which nobody waits on) may wait
 * LAZY_FLUSH_MS for others.
 */
export function hotWrite(writes: HotWrite[], options: { lazy?: boolean } = {}): Promise<void> {
  const durable = writes.every(([name]) => REPLAYABLE.has(name));
  return new Promise((resolve, reject) => {
    queue.jobs.push({ writes, durable, resolve, reject });
    if (options.lazy) scheduleLazy();
    else scheduleNow();
  });
}

/** Sends what is queued now rather than when the lazy window ends (a reader wants the rows). */
export function flushHotWritesSoon(): void {
  if (queue.jobs.length > 0) scheduleNow();
}

function scheduleNow() {
  if (queue.scheduled) return;
  queue.scheduled = true;
  setImmediate(() => {
    queue.scheduled = false;
    flushQueue();
  });
}

function scheduleLazy() {
  if (queue.scheduled || queue.lazy) return;
  queue.lazy = true;
  setTimeout(() => {
    queue.lazy = false;
    flushQueue();
  }, LAZY_FLUSH_MS);
}

function flushQueue() {
  if (queue.jobs.length === 0) return;
  let jobs = queue.jobs;
  queue.jobs = [];
  // Behind an outbox that still holds entries, ledger writes join it: in order, one fsync for all.
  if (outbox()?.pending()) {
    keepInOutbox(jobs.filter((job) => job.durable));
    jobs = jobs.filter((job) => !job.durable);
    if (jobs.length === 0) return;
  }
  send(jobs);
}

function send(jobs: Job[]) {
  let worker: Worker;
  try {
    worker = writer();
  } catch (error) {
    // No writer thread at all: nothing reached the database, so this is not the data's fault.
    settle(jobs, () => ({ message: String((error as Error)?.message ?? error), code: null, unavailable: true }));
    return;
  }
  const id = state.nextBatch++;
  state.inFlight.set(id, jobs);
  worker.ref();
  worker.postMessage({ id, jobs: jobs.map((job) => job.writes.map(wireWrite)) });
}

export function bool(value: boolean): number {
  return value ? 1 : 0;
}

// ---- the outbox ----------------------------------------------------------------------------

function outbox(): LedgerOutbox | null {
  if (state.outbox !== undefined) return state.outbox;
  const env = getEnv();
  return (state.outbox = ledgerOutboxFor(resolveDatabaseUrl(env.DATABASE_URL), env.PORT, env.DATA_DIR));
}

function keepInOutbox(jobs: Job[]): void {
  try {
    outbox()!.append(jobs.map((job) => job.writes));
  } catch (error) {
    jobs.forEach((job) => job.reject(error));
    return;
  }
  jobs.forEach((job) => job.resolve());
  if (!state.replaying) state.replaying = replayUntilEmpty().finally(() => (state.replaying = null));
}

/** Writes replayed entries as one batch of jobs, each with its own outcome. */
function sendForReplay(entries: HotWrite[][]): Promise<ReplayOutcome[]> {
  return new Promise((resolve) => {
    const outcomes: ReplayOutcome[] = [];
    let left = entries.length;
    const done = (i: number, outcome: ReplayOutcome) => {
      outcomes[i] = outcome;
      if (--left === 0) resolve(outcomes);
    };
    const outcomeOf = (error: unknown): ReplayOutcome =>
      (error as { unavailable?: boolean })?.unavailable ? "unavailable" : { error: String((error as Error)?.message ?? error) };
    send(entries.map((writes, i): Job => ({ writes, durable: false, resolve: () => done(i, "ok"), reject: (error) => done(i, outcomeOf(error)) })));
  });
}

const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

async function replayUntilEmpty(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const box = outbox();
    if (!box?.pending()) return;
    if ((await box.replay(sendForReplay)) === "done") return;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]).unref());
  }
}

/** On start (before rows left open are closed): writes what a previous run left in the outbox. */
export async function replayLedgerOutbox(): Promise<void> {
  if (!outbox()?.pending()) return;
  console.log("[ledger] replaying ledger writes kept while the database was unreachable");
  await (state.replaying ??= replayUntilEmpty().finally(() => (state.replaying = null)));
}
