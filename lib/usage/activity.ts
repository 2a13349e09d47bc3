// The activity log: one line per ledger row, newest first, with keyset pagination on
// (createdAt, id) so page 1,000 costs about what page 1 does.
import { z } from "zod";
import { userClauses } from "./scope";
import { AppError } from "../errors";
import { queryRows } from "./db";
import { parseWith, type UsageQuery } from "./query-params";
import { dbTime } from "../db/db-time";

export const activityOptionsSchema = z.object({
  limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(500, "limit must be at most 500").default(50),
  cursor: z.string().max(400).optional(),
  page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page must be at least 1").max(1_000_000, "page is too large").optional(),
});
export type ActivityOptions = z.infer<typeof activityOptionsSchema>;

export function parseActivityOptions(input: Record<string, string>): ActivityOptions {
  const options = parseWith(activityOptionsSchema, { limit: input.limit, cursor: input.cursor, page: input.page });
  if (options.cursor && options.page) throw new AppError(400, "Give either cursor or page, not both", "invalid_request", "page");
  return options;
}

export interface ActivityRow {
  id: string;
  createdAt: string;
  source: string;
  modelId: string;
  provider: string;
  upstreamModel: string;
  status: string;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  usageEstimated: boolean;
  costPico: string;
  upstreamCostPico: string | null;
  cacheSavingsPico: string;
  /** Served from the response cache, with the tokens it saved. */
  responseCacheHit: boolean;
  savedPromptTokens: number;
  savedCompletionTokens: number;
  ttftMs: number | null;
  totalMs: number | null;
  finishReason: string | null;
  error: string | null;
  conversationId: string | null;
  apiKeyId: string | null;
}

export interface ActivityPage {
  rows: ActivityRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  page: number | null;
}

const COLUMNS = `"id", "createdAt", "source", "modelId", "provider", "upstreamModel", "status", "promptTokens", "completionTokens", "reasoningTokens",
  "cachedTokens", "usageEstimated", CAST("costPico" AS TEXT) AS "costPico", CAST("upstreamCostPico" AS TEXT) AS "upstreamCostPico",
  "ttftMs", "totalMs", "finishReason", "error", "conversationId", "apiKeyId",
  "cacheWriteTokens", CAST("cacheSavingsPico" AS TEXT) AS "cacheSavingsPico", "responseCacheHit", "savedPromptTokens", "savedCompletionTokens"`;

interface Where {
  sql: string;
  params: unknown[];
}

function whereFor(userId: string, query: UsageQuery): Where {
  const user = userClauses(userId);
  const clauses = [...user.clauses, `"createdAt" >= ?`, `"createdAt" < ?`];
  const params: unknown[] = [...user.params, dbTime(query.from), dbTime(query.to)];
  const f = query.filters;
  for (const [column, value] of [["modelId", f.model], ["provider", f.provider], ["status", f.status], ["source", f.source], ["apiKeyId", f.apiKeyId], ["conversationId", f.conversationId]] as const) {
    if (value) (clauses.push(`"${column}" = ?`), params.push(value));
  }
  return { sql: clauses.join(" AND "), params };
}

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string") && !Number.isNaN(Date.parse(value[0]))) return value as [string, string];
  } catch {
    // fall through to the error below
  }
  throw new AppError(400, "cursor is not valid: pass back the nextCursor of a previous page", "invalid_request", "cursor");
}

export async function listActivity(userId: string, query: UsageQuery, options: ActivityOptions): Promise<ActivityPage> {
  const where = whereFor(userId, query);
  let after: [string, string] | null = options.cursor ? decodeCursor(options.cursor) : null;
  if (options.page && options.page > 1) {
    // Seek: walk the (userId, createdAt, id) index alone to the row before the page, then
    // read the page by keyset. The skipped rows are never loaded from the table.
    const skip = (options.page - 1) * options.limit;
    const [edge] = await queryRows<{ createdAt: unknown; id: string }>(
      `SELECT "createdAt", "id" FROM "Generation" WHERE ${where.sql} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1 OFFSET ?`,
      [...where.params, skip - 1],
    );
    if (!edge) return { rows: [], nextCursor: null, page: options.page };
    after = [rawTime(edge.createdAt), edge.id];
  }
  // Spelled out rather than as a row value `(createdAt, id) < (?, ?)`: with bound parameters
  // SQLite planned the row value as a skip-scan plus a sort, 20x slower on deep pages.
  const keyset = after ? ` AND ("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))` : "";
  const rows = await queryRows<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM "Generation" WHERE ${where.sql}${keyset} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`,
    [...where.params, ...(after ? [after[0], after[0], after[1]] : []), options.limit + 1],
  );
  const more = rows.length > options.limit;
  const page = rows.slice(0, options.limit).map(toActivityRow);
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor(rawTime(rows[options.limit - 1].createdAt), last.id) : null, page: options.page ?? null };
}

/** Every matching row, oldest pages last, in chunks: for the CSV export. */
export async function* iterateActivity(userId: string, query: UsageQuery, chunk = 2_000): AsyncGenerator<ActivityRow> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listActivity(userId, query, { limit: chunk, cursor });
    yield* page.rows;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

function rawTime(value: unknown): string {
  return value instanceof Date ? dbTime(value) : String(value);
}

function toActivityRow(r: Record<string, unknown>): ActivityRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    createdAt: new Date(r.createdAt instanceof Date ? r.createdAt : Date.parse(String(r.createdAt))).toISOString(),
    source: String(r.source),
    modelId: String(r.modelId),
    provider: String(r.provider),
    upstreamModel: String(r.upstreamModel),
    status: String(r.status),
    promptTokens: Number(r.promptTokens),
    completionTokens: Number(r.completionTokens),
    reasoningTokens: Number(r.reasoningTokens),
    cachedTokens: Number(r.cachedTokens),
    cacheWriteTokens: Number(r.cacheWriteTokens ?? 0),
    usageEstimated: Boolean(Number(r.usageEstimated)),
    costPico: String(r.costPico ?? "0"),
    upstreamCostPico: r.upstreamCostPico === null || r.upstreamCostPico === undefined ? null : String(r.upstreamCostPico),
    cacheSavingsPico: String(r.cacheSavingsPico ?? "0"),
    responseCacheHit: Boolean(Number(r.responseCacheHit ?? 0)),
    savedPromptTokens: Number(r.savedPromptTokens ?? 0),
    savedCompletionTokens: Number(r.savedCompletionTokens ?? 0),
    ttftMs: num(r.ttftMs),
    totalMs: num(r.totalMs),
    finishReason: (r.finishReason as string | null) ?? null,
    error: (r.error as string | null) ?? null,
    conversationId: (r.conversationId as string | null) ?? null,
    apiKeyId: (r.apiKeyId as string | null) ?? null,
  };
}
