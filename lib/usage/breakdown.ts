// Usage grouped by model, provider, source, API key or conversation, sorted as asked.
import { z } from "zod";
import { getDb } from "../db/client";
import { queryRows } from "./db";
import { parseWith, type UsageQuery } from "./query-params";
import { userClauses, userWhere } from "./scope";
import { planUsage } from "./summary";
import { SUMMED, SUMS_COLUMN, readSums, sourceSql, toTotals, type SumRow, type UsageTotals } from "./usage-source";

export const GROUP_BYS = ["model", "provider", "source", "apiKey", "conversation", "user"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const SORT_KEYS = ["name", "requests", "cost", "promptTokens", "completionTokens", "errorRate", "avgTtft"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const COLUMN: Record<GroupBy, string> = { model: "modelId", provider: "provider", source: "source", apiKey: "apiKeyId", conversation: "conversationId", user: "userId" };

export const breakdownOptionsSchema = z.object({
  groupBy: z.enum(GROUP_BYS, { error: `groupBy must be one of ${GROUP_BYS.join(", ")}` }).default("model"),
  sort: z.enum(SORT_KEYS, { error: `sort must be one of ${SORT_KEYS.join(", ")}` }).default("cost"),
  dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("desc"),
});
export type BreakdownOptions = z.infer<typeof breakdownOptionsSchema>;

export function parseBreakdownOptions(input: Record<string, string>): BreakdownOptions {
  const { groupBy, sort, dir } = input;
  return parseWith(breakdownOptionsSchema, { groupBy, sort, dir });
}

export interface BreakdownRow extends UsageTotals {
  key: string;
  /** What to show: a conversation's title, "No API key", or the key itself. */
  label: string;
}

type GroupedRow = { key: string | null; sums: string; title?: string | null };

export interface UsageBreakdown {
  groupBy: GroupBy;
  sort: SortKey;
  dir: "asc" | "desc";
  rows: BreakdownRow[];
  total: UsageTotals;
}

export async function getUsageBreakdown(userId: string, query: UsageQuery, options: BreakdownOptions): Promise<UsageBreakdown> {
  const column = COLUMN[options.groupBy];
  // Only the per-conversation rollup keeps the conversation, and the daily one has no source or key.
  const source = sourceSql(
    planUsage(userId, query, { rollup: true, daily: options.groupBy === "model" || options.groupBy === "provider", conversations: options.groupBy === "conversation" }),
  );
  const groupSql = `SELECT "${column}" AS "key", ${SUMS_COLUMN} FROM ${source.sql} GROUP BY "${column}"`;
  // Conversation titles join in the same query: there can be thousands of them.
  const owner = userClauses(userId);
  const grouped =
    options.groupBy === "conversation"
      ? await queryRows<GroupedRow>(
          `SELECT grouped.*, c."title" AS "title" FROM (${groupSql}) grouped
           LEFT JOIN "Conversation" c ON c."id" = grouped."key"${owner.clauses.map((clause) => ` AND c.${clause}`).join("")}`,
          [...source.params, ...owner.params],
        )
      : await queryRows<GroupedRow>(groupSql, source.params);

  const keys = grouped.map((r) => r.key);
  const labels =
    options.groupBy === "conversation"
      ? new Map(grouped.flatMap((r) => (r.key && typeof r.title === "string" ? [[r.key, r.title] as const] : [])))
      : options.groupBy === "apiKey"
        ? await apiKeyNames(userId, keys)
        : options.groupBy === "user"
          ? await userEmails(keys)
          : new Map<string, string>();
  const sums = grouped.map(readSums);
  const rows = grouped.map((row, i) => ({ key: row.key ?? "", label: labelFor(options.groupBy, row.key, labels), ...toTotals(sums[i]) }));
  sortRows(rows, options.sort, options.dir);
  return { ...options, rows, total: toTotals(sumRows(sums)) };
}

function labelFor(groupBy: GroupBy, key: string | null, titles: Map<string, string>): string {
  if (groupBy === "conversation") return key ? (titles.get(key) ?? "Deleted conversation") : "No conversation (API)";
  if (groupBy === "apiKey") return key ? (titles.get(key) ?? "Deleted key") : "No API key (chatroom)";
  if (groupBy === "user") return key ? (titles.get(key) ?? "Deleted user") : "Unknown";
  return key || "Unknown";
}

async function apiKeyNames(userId: string, keys: (string | null)[]): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is string => Boolean(k));
  const rows = ids.length ? await getDb().apiKey.findMany({ where: { ...userWhere(userId), id: { in: ids } }, select: { id: true, name: true, prefix: true } }) : [];
  return new Map(rows.map((k) => [k.id, `${k.name} (${k.prefix})`]));
}

/** Sorts in place; each row's sort value is computed once (thousands of conversations). */
function sortRows(rows: BreakdownRow[], sort: SortKey, dir: "asc" | "desc"): void {
  const sign = dir === "asc" ? 1 : -1;
  const value = (row: BreakdownRow): number | bigint | string => {
    if (sort === "name") return row.label.toLowerCase();
    if (sort === "cost") return BigInt(row.costPico);
    if (sort === "errorRate") return row.errorRate;
    if (sort === "avgTtft") return row.avgTtftMs ?? -1;
    return row[sort];
  };
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.row.label.localeCompare(b.row.label)));
  keyed.forEach(({ row }, i) => (rows[i] = row));
}

/** The table's total is the exact sum of its rows' raw sums, not of rounded figures: money as
 * BigInt; counts and milliseconds stay far below 2^53, where Numbers add exactly. */
function sumRows(rows: SumRow[]): SumRow {
  const counts = SUMMED.filter((k) => !MONEY.has(k));
  const total = new Array<number>(counts.length).fill(0);
  let cost = 0n;
  let savings = 0n;
  for (const row of rows) {
    for (let i = 0; i < counts.length; i++) total[i] += Number(row[counts[i]]);
    cost += BigInt(row.costPico);
    savings += BigInt(row.cacheSavingsPico);
  }
  const sum = Object.fromEntries(counts.map((k, i) => [k, String(total[i])])) as Record<(typeof SUMMED)[number], string>;
  return { ...sum, costPico: cost.toString(), cacheSavingsPico: savings.toString() };
}

const MONEY = new Set<string>(["costPico", "cacheSavingsPico"]);

/** Breakdown by user (admins, every user's usage): emails as labels. */
async function userEmails(keys: (string | null)[]): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is string => Boolean(k));
  const rows = ids.length ? await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } }) : [];
  return new Map(rows.map((r) => [r.id, `${r.name} <${r.email}>`]));
}
