// The statements the hot writer runs (lib/db/hot-writes.ts), by name, with @named
// parameters. One SQL text serves SQLite and Postgres (quoted identifiers, DateTime values as
// ISO text in UTC, booleans as 0/1); a statement that cannot be written once may give
// { sqlite, postgres }. To add one: add it here, and to REPLAYABLE if it may be replayed.
import type { Dialect } from "./database-url";

type StatementSql = string | Record<Dialect, string>;

export const HOT_STATEMENTS = {
  insertConversation: `INSERT INTO "Conversation" ("id","userId","title","blind","createdAt","updatedAt") VALUES (@id,@userId,@title,@blind,@now,@now)`,
  touchConversation: `UPDATE "Conversation" SET "updatedAt" = @now WHERE "id" = @id`,
  setConversationTools: `UPDATE "Conversation" SET "enabledTools" = @enabledTools WHERE "id" = @id`,
  insertColumn: `INSERT INTO "ConversationColumn" ("id","conversationId","position","modelId","temperature","maxTokens","systemPrompt","topP","stop","reasoningEffort")
    VALUES (@id,@conversationId,@position,@modelId,@temperature,@maxTokens,@systemPrompt,@topP,@stop,@reasoningEffort)`,
  updateColumn: `UPDATE "ConversationColumn" SET "position"=@position,"modelId"=@modelId,"temperature"=@temperature,"maxTokens"=@maxTokens,"systemPrompt"=@systemPrompt,
    "topP"=@topP,"stop"=@stop,"reasoningEffort"=@reasoningEffort WHERE "id"=@id`,
  insertMessage: `INSERT INTO "Message" ("id","conversationId","columnId","turn","role","content","status","modelId","parentId","createdAt","updatedAt")
    VALUES (@id,@conversationId,@columnId,@turn,@role,@content,@status,@modelId,@parentId,@now,@now)`,
  // A pending upload joins the turn that sends it (only the owner's, only while still pending).
  claimAttachment: `UPDATE "Attachment" SET "conversationId"=@conversationId,"turn"=@turn,"position"=@position WHERE "id"=@id AND "userId"=@userId AND "conversationId" IS NULL`,
  finishMessage: `UPDATE "Message" SET "content"=@content,"reasoning"=@reasoning,"toolTrace"=@toolTrace,"notes"=@notes,"status"=@status,"provider"=@provider,"upstreamModel"=@upstreamModel,
    "finishReason"=@finishReason,"error"=@error,"promptTokens"=@promptTokens,"completionTokens"=@completionTokens,"reasoningTokens"=@reasoningTokens,
    "cachedTokens"=@cachedTokens,"cacheWriteTokens"=@cacheWriteTokens,"usageEstimated"=@usageEstimated,"costPico"=@costPico,"ttftMs"=@ttftMs,"totalMs"=@totalMs,"updatedAt"=@now WHERE "id"=@id`,
  // Replayable: a second run after a replay from the outbox changes nothing.
  insertGeneration: `INSERT INTO "Generation" ("id","userId","source","conversationId","messageId","apiKeyId","requestedModel","modelId","provider","upstreamModel",
    "pricePromptPico","priceCompletionPico","priceCachedPico","priceReasoningPico","priceCacheWritePico","status","createdAt")
    VALUES (@id,@userId,@source,@conversationId,@messageId,@apiKeyId,@requestedModel,@modelId,@provider,@upstreamModel,
    @pricePromptPico,@priceCompletionPico,@priceCachedPico,@priceReasoningPico,@priceCacheWritePico,'streaming',@now)
    ON CONFLICT ("id") DO NOTHING`,
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
} satisfies Record<string, StatementSql>;

export type HotStatement = keyof typeof HOT_STATEMENTS;

type Row = Record<string, string | number | bigint | null>;
/** One write: a statement and the row it writes (kept in the outbox as is when the database is down). */
export type HotWrite = [HotStatement, Row];

/**
 * Statements whose writes survive a database outage: a job made only of these is kept in the
 * durable outbox (lib/db/ledger-outbox.ts) when the database cannot be reached, and replayed
 * when it is back. Each must be idempotent — running it twice leaves what running it once does
 * (INSERT … ON CONFLICT DO NOTHING, UPDATE to absolute values) — since a replay interrupted by a
 * crash runs again.
 */
export const REPLAYABLE: ReadonlySet<HotStatement> = new Set<HotStatement>(["insertGeneration", "finishGeneration"]);

/** Each statement's SQL for one dialect, @named parameters as they are. */
export function statementsFor(dialect: Dialect): Record<HotStatement, string> {
  const entries = Object.entries(HOT_STATEMENTS) as [HotStatement, StatementSql][];
  return Object.fromEntries(entries.map(([name, sql]) => [name, typeof sql === "string" ? sql : sql[dialect]])) as Record<HotStatement, string>;
}

/** `@name` parameters as `$1, $2, …` (a name used twice keeps its number), for node-postgres. */
export function compileNamed(sql: string): { text: string; params: string[] } {
  const params: string[] = [];
  const text = sql.replace(/@(\w+)/g, (_, name: string) => {
    let index = params.indexOf(name);
    if (index < 0) index = params.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, params };
}
