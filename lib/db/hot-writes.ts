// The writes on a turn's path — its rows, each answer's final state, the ledger — go
// through one better-sqlite3 connection with prepared statements: about 100x cheaper than
// the ORM per statement, which keeps them off the time to first token. Everything else uses
// Prisma. A write that finds the database locked (a Prisma transaction in progress) is
// retried on a later tick instead of blocking the event loop.
import Database from "better-sqlite3";
import { resolveDatabaseUrl } from "./database-url";
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
  finishMessage: `UPDATE "Message" SET "content"=@content,"reasoning"=@reasoning,"toolTrace"=@toolTrace,"notes"=@notes,"status"=@status,"provider"=@provider,"upstreamModel"=@upstreamModel,
    "finishReason"=@finishReason,"error"=@error,"promptTokens"=@promptTokens,"completionTokens"=@completionTokens,"reasoningTokens"=@reasoningTokens,
    "cachedTokens"=@cachedTokens,"usageEstimated"=@usageEstimated,"costPico"=@costPico,"ttftMs"=@ttftMs,"totalMs"=@totalMs,"updatedAt"=@now WHERE "id"=@id`,
  insertGeneration: `INSERT INTO "Generation" ("id","userId","source","conversationId","messageId","apiKeyId","requestedModel","modelId","provider","upstreamModel",
    "pricePromptPico","priceCompletionPico","priceCachedPico","priceReasoningPico","status","createdAt")
    VALUES (@id,@userId,@source,@conversationId,@messageId,@apiKeyId,@requestedModel,@modelId,@provider,@upstreamModel,
    @pricePromptPico,@priceCompletionPico,@priceCachedPico,@priceReasoningPico,'streaming',@now)`,
  finishGeneration: `UPDATE "Generation" SET "provider"=@provider,"upstreamModel"=@upstreamModel,"promptTokens"=@promptTokens,"completionTokens"=@completionTokens,
    "reasoningTokens"=@reasoningTokens,"cachedTokens"=@cachedTokens,"usageEstimated"=@usageEstimated,"costPico"=@costPico,"computedCostPico"=@computedCostPico,
    "upstreamCostPico"=@upstreamCostPico,"ttftMs"=@ttftMs,"totalMs"=@totalMs,"status"=@status,"finishReason"=@finishReason,"error"=@error,
    "attempts"=@attempts,"promptText"=@promptText,"completionText"=@completionText,"finishedAt"=@now WHERE "id"=@id`,
} as const;

export type HotStatement = keyof typeof SQL;
export type HotWrite = [HotStatement, Row];

interface Writer {
  db: Database.Database;
  statements: Map<HotStatement, Database.Statement>;
  run: (writes: HotWrite[]) => void;
}

const globalWriter = globalThis as unknown as { __switchyardHotWriter?: Writer };

function writer(): Writer {
  if (!globalWriter.__switchyardHotWriter) {
    const url = resolveDatabaseUrl(getEnv().DATABASE_URL);
    const db = new Database(url.replace(/^file:/, ""));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Never wait synchronously for a lock: that would block the event loop the lock holder needs.
    db.pragma("busy_timeout = 0");
    db.defaultSafeIntegers(true);
    const statements = new Map<HotStatement, Database.Statement>();
    const statement = (name: HotStatement) => {
      let prepared = statements.get(name);
      if (!prepared) statements.set(name, (prepared = db.prepare(SQL[name])));
      return prepared;
    };
    const run = db.transaction((writes: HotWrite[]) => {
      for (const [name, row] of writes) statement(name).run(row);
    });
    globalWriter.__switchyardHotWriter = { db, statements, run };
  }
  return globalWriter.__switchyardHotWriter;
}

/** Prisma's text format for DateTime in SQLite, so both read each other's rows. */
export function sqliteNow(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

const RETRY_MS = 2;
const MAX_WAIT_MS = 10_000;

interface Job {
  writes: HotWrite[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

const globalQueue = globalThis as unknown as { __switchyardHotQueue?: { jobs: Job[]; scheduled: boolean; lazy: boolean; since: number } };
const queue = (globalQueue.__switchyardHotQueue ??= { jobs: [], scheduled: false, lazy: false, since: 0 });

/** Ledger rows can wait this long for company: one commit then serves several calls. */
export const LAZY_FLUSH_MS = 10;

/**
 * Queues the writes; everything queued in the same tick commits in one transaction
 * (group commit: under load, one commit serves many turns). Resolves once committed.
 * `lazy` writes (ledger rows, which nobody waits on) may wait LAZY_FLUSH_MS for others:
 * each commit costs ~0.1 ms of event-loop time, which a sequence of quick calls otherwise
 * pays twice per call, between one call and the next.
 */
export function hotWrite(writes: HotWrite[], options: { lazy?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.jobs.push({ writes, resolve, reject });
    if (options.lazy) scheduleLazy();
    else schedule(0);
  });
}

function schedule(delayMs: number) {
  if (queue.scheduled) return;
  queue.scheduled = true;
  const flush = () => {
    queue.scheduled = false;
    flushQueue();
  };
  if (delayMs === 0) setImmediate(flush);
  else setTimeout(flush, delayMs);
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
  try {
    writer().run(jobs.flatMap((job) => job.writes));
    queue.since = 0;
    jobs.forEach((job) => job.resolve());
  } catch (error) {
    if (isBusy(error)) {
      queue.since ||= Date.now();
      if (Date.now() - queue.since < MAX_WAIT_MS) {
        queue.jobs = [...jobs, ...queue.jobs];
        schedule(RETRY_MS);
        return;
      }
    }
    queue.since = 0;
    // One bad job must not sink the others: commit them one by one.
    for (const job of jobs) {
      try {
        writer().run(job.writes);
        job.resolve();
      } catch (jobError) {
        job.reject(jobError);
      }
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

export function bool(value: boolean): number {
  return value ? 1 : 0;
}
