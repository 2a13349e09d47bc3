// Usage grouped by model, provider, source, API key or conversation, sorted as asked.
import { z } from "zod";
import { getDb } from "../db/client";
import { queryRows } from "./db";
import { parseWith, type UsageQuery } from "./query-params";
import { userWhere } from "./scope";
import { planUsage } from "./summary";
import { SUM_COLUMNS, SUM_KEYS, sourceSql, toTotals, type SumRow, type UsageTotals } from "./usage-source";

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

export interface UsageBreakdown {
  groupBy: GroupBy;
  sort: SortKey;
  dir: "asc" | "desc";
  rows: BreakdownRow[];
  total: UsageTotals;
}

export async function getUsageBreakdown(userId: string, query: UsageQuery, options: BreakdownOptions): Promise<UsageBreakdown> {
  const column = COLUMN[options.groupBy];
  // The rollups keep no conversation id, and the daily one no source or key.
  const source = sourceSql(
    await planUsage(userId, query, { rollup: options.groupBy !== "conversation", daily: options.groupBy === "model" || options.groupBy === "provider" }),
  );
  const grouped = await queryRows<SumRow & { key: string | null }>(`SELECT ${column} AS key, ${SUM_COLUMNS} FROM ${source.sql} GROUP BY ${column}`, source.params);

  const keys = grouped.map((r) => r.key);
  const labels =
    options.groupBy === "conversation"
      ? await conversationTitles(userId, keys)
      : options.groupBy === "apiKey"
        ? await apiKeyNames(userId, keys)
        : options.groupBy === "user"
          ? await userEmails(keys)
          : new Map<string, string>();
  const rows = grouped.map((row) => ({ key: row.key ?? "", label: labelFor(options.groupBy, row.key, labels), ...toTotals(row) }));
  rows.sort(comparator(options.sort, options.dir));
  return { ...options, rows, total: toTotals(sumRows(grouped)) };
}

function labelFor(groupBy: GroupBy, key: string | null, titles: Map<string, string>): string {
  if (groupBy === "conversation") return key ? (titles.get(key) ?? "Deleted conversation") : "No conversation (API)";
  if (groupBy === "apiKey") return key ? (titles.get(key) ?? "Deleted key") : "No API key (chatroom)";
  if (groupBy === "user") return key ? (titles.get(key) ?? "Deleted user") : "Unknown";
  return key || "Unknown";
}

async function conversationTitles(userId: string, keys: (string | null)[]): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is string => Boolean(k));
  const titles = new Map<string, string>();
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const found = await getDb().conversation.findMany({ where: { ...userWhere(userId), id: { in: ids.slice(i, i + 500) } }, select: { id: true, title: true } });
    for (const c of found) titles.set(c.id, c.title);
  }
  return titles;
}

async function apiKeyNames(userId: string, keys: (string | null)[]): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is string => Boolean(k));
  const rows = ids.length ? await getDb().apiKey.findMany({ where: { ...userWhere(userId), id: { in: ids } }, select: { id: true, name: true, prefix: true } }) : [];
  return new Map(rows.map((k) => [k.id, `${k.name} (${k.prefix})`]));
}

function comparator(sort: SortKey, dir: "asc" | "desc") {
  const sign = dir === "asc" ? 1 : -1;
  const value = (row: BreakdownRow): number | bigint | string => {
    if (sort === "name") return row.label.toLowerCase();
    if (sort === "cost") return BigInt(row.costPico);
    if (sort === "errorRate") return row.errorRate;
    if (sort === "avgTtft") return row.avgTtftMs ?? -1;
    return row[sort];
  };
  return (a: BreakdownRow, b: BreakdownRow) => {
    const [x, y] = [value(a), value(b)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return order * sign || a.label.localeCompare(b.label);
  };
}

/** The table's total is the exact sum of its rows' raw sums (BigInt), not of rounded figures. */
function sumRows(rows: SumRow[]): SumRow {
  const keys = SUM_KEYS;
  const total = Object.fromEntries(keys.map((k) => [k, 0n])) as Record<(typeof keys)[number], bigint>;
  for (const row of rows) for (const k of keys) total[k] += BigInt(row[k]);
  return Object.fromEntries(keys.map((k) => [k, total[k].toString()])) as unknown as SumRow;
}

/** Breakdown by user (admins, every user's usage): emails as labels. */
async function userEmails(keys: (string | null)[]): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is string => Boolean(k));
  const rows = ids.length ? await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } }) : [];
  return new Map(rows.map((r) => [r.id, `${r.name} <${r.email}>`]));
}
