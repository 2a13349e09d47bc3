// The writes on a turn's path — its rows, each answer's final state, the ledger — are
// committed by one worker thread with prepared better-sqlite3 statements (about 100x cheaper
// than the ORM per statement), so neither the statements, the commits nor SQLite's
// checkpoints take time from the event loop that relays tokens. Everything else uses Prisma.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { resolveDatabaseUrl } from "./database-url";
import { HOT_WRITE_WORKER_SOURCE } from "./hot-write-worker";
import { getEnv } from "../env";

type Row = Record<string, string | number | bigint | null>;

const SQL = {
  insertConversation: `INSERT INTO "Conversation" ("id","userId","title","createdAt","updatedAt") VALUES (@id,@userId,@title,@now,@now)`,
  touchConversation: `UPDATE "Conversation" SET "updatedAt" = @now WHERE "id" = @id`,
  setConversationTools: `UPDATE "Conversation" SET "enabledTools" = @enabledTools WHERE "id" = @id`,
  insertColumn: `INSERT INTO "ConversationColumn" ("id","conversationId","position","modelId","temperature","maxTokens","systemPrompt")
    VALUES (@id,@conversationId,@position,@modelId,@temperature,@maxTokens,@systemPrompt)`,
  updateColumn: `UPDATE "ConversationColumn" SET "position"=@position,"modelId"=@modelId,"temperature"=@temperature,"maxTokens"=@maxTokens,"systemPrompt"=@systemPrompt WHERE "id"=@id`,
  insertMessage: `INSERT INTO "Message" ("id","conversationId","columnId","turn","role","content","status","modelId","createdAt","updatedAt")
    VALUES (@id,@conversationId,@columnId,@turn,@role,@content,@status,@modelId,@now,@now)`,
  // A pending upload joins the turn that sends it (only the owner's, only while still pending).
  claimAttachment: `UPDATE "Attachment" SET "conversationId"=@conversationId,"turn"=@turn,"position"=@position WHERE "id"=@id AND "userId"=@userId AND "conversationId" IS NULL`,
  finishMessage: `UPDATE "Message" SET "content"=@content,"reasoning"=@reasoning,"toolTrace"=@toolTrace,"notes"=@notes,"status"=@status,"provider"=@provider,"upstreamModel"=@upstreamModel,
    "finishReason"=@finishReason,"error"=@error,"promptTokens"=@promptTokens,"completionTokens"=@completionTokens,"reasoningTokens"=@reasoningTokens,
    "cachedTokens"=@cachedTokens,"cacheWriteTokens"=@cacheWriteTokens,"usageEstimated"=@usageEstimated,"costPico"=@costPico,"ttftMs"=@ttftMs,"totalMs"=@totalMs,"updatedAt"=@now WHERE "id"=@id`,
  insertGeneration: `INSERT INTO "Generation" ("id","userId","source","conversationId","messageId","apiKeyId","requestedModel","modelId","provider","upstreamModel",
    "pricePromptPico","priceCompletionPico","priceCachedPico","priceReasoningPico","priceCacheWritePico","status","createdAt")
    VALUES (@id,@userId,@source,@conversationId,@messageId,@apiKeyId,@requestedModel,@modelId,@provider,@upstreamModel,
    @pricePromptPico,@priceCompletionPico,@priceCachedPico,@priceReasoningPico,@priceCacheWritePico,'streaming',@now)`,
  finishGeneration: `UPDATE "Generation" SET "provider"=@provider,"upstreamModel"=@upstreamModel,
    "pricePromptPico"=@pricePromptPico,"priceCompletionPico"=@priceCompletionPico,"priceCachedPico"=@priceCachedPico,"priceReasoningPico"=@priceReasoningPico,
    "priceCacheWritePico"=@priceCacheWritePico,"promptTokens"=@promptTokens,"completionTokens"=@completionTokens,
    "reasoningTokens"=@reasoningTokens,"cachedTokens"=@cachedTokens,"cacheWriteTokens"=@cacheWriteTokens,"usageEstimated"=@usageEstimated,"costPico"=@costPico,"computedCostPico"=@computedCostPico,
    "upstreamCostPico"=@upstreamCostPico,"cacheSavingsPico"=@cacheSavingsPico,"responseCacheHit"=@responseCacheHit,"savedPromptTokens"=@savedPromptTokens,"savedCompletionTokens"=@savedCompletionTokens,"ttftMs"=@ttftMs,"totalMs"=@totalMs,"status"=@status,"finishReason"=@finishReason,"error"=@error,
    "attempts"=@attempts,"promptText"=@promptText,"completionText"=@completionText,"finishedAt"=@now WHERE "id"=@id`,
  // While a call runs: what it has delivered so far, so a crash does not forget it. Only an
  // open row is touched: a checkpoint that arrives after the row was finished changes nothing.
  checkpointGeneration: `UPDATE "Generation" SET "provider"=@provider,"upstreamModel"=@upstreamModel,"promptTokens"=@promptTokens,"completionTokens"=@completionTokens,
    "reasoningTokens"=@reasoningTokens,"cachedTokens"=@cachedTokens,"cacheWriteTokens"=@cacheWriteTokens,"usageEstimated"=@usageEstimated,"costPico"=@costPico,"computedCostPico"=@computedCostPico
    WHERE "id"=@id AND "status"='streaming'`,
  checkpointMessage: `UPDATE "Message" SET "content"=@content,"reasoning"=@reasoning WHERE "id"=@id AND "status"='streaming'`,
} as const;

export type HotStatement = keyof typeof SQL;
export type HotWrite = [HotStatement, Row];

/** How long a commit may wait for the database lock (held by a Prisma transaction) before failing. */
const BUSY_TIMEOUT_MS = 10_000;

interface Job {
  writes: HotWrite[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface WriterState {
  worker: Worker | null;
  nextBatch: number;
  inFlight: Map<number, Job[]>;
}

interface QueueState {
  jobs: Job[];
  scheduled: boolean;
  lazy: boolean;
}

const globalHot = globalThis as unknown as { __switchyardHotWriter?: WriterState; __switchyardHotQueue?: QueueState };
const state = (globalHot.__switchyardHotWriter ??= { worker: null, nextBatch: 1, inFlight: new Map() });
const queue = (globalHot.__switchyardHotQueue ??= { jobs: [], scheduled: false, lazy: false });

function writer(): Worker {
  if (state.worker) return state.worker;
  const file = path.resolve(resolveDatabaseUrl(getEnv().DATABASE_URL).replace(/^file:/, ""));
  const worker = new Worker(HOT_WRITE_WORKER_SOURCE, { eval: true, workerData: { file, sql: SQL, busyTimeoutMs: BUSY_TIMEOUT_MS } });
  // Only writes in flight keep the process alive (see flushQueue).
  worker.unref();
  worker.on("message", ({ id, errors }: { id: number; errors: ({ message: string; code: string | null } | null)[] | null }) => {
    const jobs: Job[] = state.inFlight.get(id) ?? [];
    state.inFlight.delete(id);
    if (state.inFlight.size === 0) worker.unref();
    jobs.forEach((job, i) => {
      const failure = errors?.[i];
      if (failure) job.reject(Object.assign(new Error(failure.message), { code: failure.code }));
      else job.resolve();
    });
  });
  const lost = (error: unknown) => {
    if (state.worker !== worker) return;
    state.worker = null;
    for (const jobs of state.inFlight.values()) for (const job of jobs) job.reject(error);
    state.inFlight.clear();
  };
  worker.on("error", lost);
  worker.on("exit", (code) => lost(new Error(`The database writer stopped (exit code ${code})`)));
  return (state.worker = worker);
}

/** Prisma's text format for DateTime in SQLite, so both read each other's rows. */
export function sqliteNow(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** Ledger rows can wait this long for company: one message to the writer then serves several calls. */
export const LAZY_FLUSH_MS = 10;

/**
 * Queues the writes; everything queued in the same tick commits in one transaction
 * (group commit: under load, one commit serves many turns). Resolves once committed.
 * `lazy` writes (ledger rows, which nobody waits on) may wait LAZY_FLUSH_MS for others.
 */
export function hotWrite(writes: HotWrite[], options: { lazy?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.jobs.push({ writes, resolve, reject });
    if (options.lazy) scheduleLazy();
    else scheduleNow();
  });
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
  const jobs = queue.jobs;
  queue.jobs = [];
  let worker: Worker;
  try {
    worker = writer();
  } catch (error) {
    jobs.forEach((job) => job.reject(error));
    return;
  }
  const id = state.nextBatch++;
  state.inFlight.set(id, jobs);
  worker.ref();
  worker.postMessage({ id, jobs: jobs.map((job) => job.writes) });
}

export function bool(value: boolean): number {
  return value ? 1 : 0;
}
