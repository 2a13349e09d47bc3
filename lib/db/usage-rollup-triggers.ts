// The usage rollups are kept current by triggers on the ledger: every insert, update and
// delete of a Generation row adds its measures to its hour and day (and takes the old
// values away), in the same transaction. So a rollup always equals the exact sum of the
// ledger rows — written by the hot writer, Prisma, an import or a cascade — and nothing has
// to be sealed on read. This file is the one definition; migrations hold snapshots of it.
import type { Dialect } from "./database-url";
import { epochSecondsSql } from "./sql-dialect";

type Expr = (row: string) => string;

const col = (name: string): Expr => (row) => `${row}."${name}"`;
const ttft: Expr = (row) => `COALESCE(${row}."ttftMs", 0)`;
const streamed: Expr = (row) => `${row}."status" = 'done' AND ${row}."totalMs" > ${ttft(row)}`;

/** How one ledger row counts, column by column (the rollups' measure columns). */
export const LEDGER_MEASURES: [string, Expr][] = [
  ["requests", () => "1"],
  ["errors", (row) => `CASE WHEN ${row}."status" = 'error' THEN 1 ELSE 0 END`],
  ["promptTokens", col("promptTokens")],
  ["completionTokens", col("completionTokens")],
  ["reasoningTokens", col("reasoningTokens")],
  ["cachedTokens", col("cachedTokens")],
  ["costPico", col("costPico")],
  ["ttftSumMs", ttft],
  ["ttftCount", (row) => `CASE WHEN ${row}."ttftMs" IS NOT NULL THEN 1 ELSE 0 END`],
  ["speedTokens", (row) => `CASE WHEN ${streamed(row)} THEN ${row}."completionTokens" ELSE 0 END`],
  ["speedMs", (row) => `CASE WHEN ${streamed(row)} THEN ${row}."totalMs" - ${ttft(row)} ELSE 0 END`],
  ["cacheWriteTokens", col("cacheWriteTokens")],
  ["cacheSavingsPico", col("cacheSavingsPico")],
  ["responseCacheHits", (row) => `CASE WHEN ${row}."responseCacheHit" THEN 1 ELSE 0 END`],
];

/** `expr AS "name", …` of every measure of a ledger row (the row's table alias is `row`). */
export function ledgerMeasuresSql(row: string): string {
  return LEDGER_MEASURES.map(([name, expr]) => `${expr(row)} AS "${name}"`).join(",\n  ");
}

interface RollupTable {
  table: string;
  keys: [string, Expr][];
  measures: string[];
}

function rollupTables(dialect: Dialect): RollupTable[] {
  const epoch = (row: string) => epochSecondsSql(`${row}."createdAt"`, dialect);
  const key = (name: string, expr: Expr = col(name)): [string, Expr] => [name, expr];
  const orEmpty = (name: string) => key(name, (row) => `COALESCE(${row}."${name}", '')`);
  const day = key("day", (row) => `${epoch(row)} / 86400`);
  const all = LEDGER_MEASURES.map(([name]) => name);
  // Rollups keyed by status keep no error count: it is their rows with status "error".
  const withoutErrors = all.filter((name) => name !== "errors");
  return [
    {
      table: "UsageHourlyRollup",
      keys: [key("userId"), key("hour", (row) => `${epoch(row)} / 3600`), key("modelId"), key("provider"), key("source"), key("status"), orEmpty("apiKeyId")],
      measures: withoutErrors,
    },
    { table: "UsageDailyModelRollup", keys: [key("userId"), day, key("modelId"), key("provider")], measures: all },
    {
      table: "UsageConversationRollup",
      keys: [key("userId"), day, orEmpty("conversationId"), key("modelId"), key("provider"), key("source"), key("status"), orEmpty("apiKeyId")],
      measures: withoutErrors,
    },
  ];
}

/** Ledger columns whose change moves a row's contribution. */
const WATCHED = ["userId", "createdAt", "conversationId", "modelId", "provider", "source", "status", "apiKeyId", "promptTokens", "completionTokens", "reasoningTokens", "cachedTokens", "costPico", "ttftMs", "totalMs", "cacheWriteTokens", "cacheSavingsPico", "responseCacheHit"];

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
const measure = (name: string): Expr => LEDGER_MEASURES.find(([n]) => n === name)![1];

/** Adds `row`'s measures (times `factor`, an SQL expression) to its rollup row. */
function addStatement(t: RollupTable, row: string, factor: string): string {
  const scale = (e: string) => (factor === "1" ? e : `${factor} * (${e})`);
  // The existing row is named by its table: SQLite allows no `INSERT … AS alias` in a trigger.
  return `INSERT INTO "${t.table}" (${quoted([...t.keys.map(([k]) => k), ...t.measures])})
    VALUES (${[...t.keys.map(([, e]) => e(row)), ...t.measures.map((m) => scale(measure(m)(row)))].join(", ")})
    ON CONFLICT (${quoted(t.keys.map(([k]) => k))}) DO UPDATE SET ${t.measures.map((m) => `"${m}" = "${t.table}"."${m}" + excluded."${m}"`).join(", ")};`;
}

function keyMatch(t: RollupTable, row: string): string {
  return t.keys.map(([k, e]) => `"${k}" = ${e(row)}`).join(" AND ");
}

/** Takes `row`'s measures away, and drops a rollup row that no ledger row is left in. */
function subtractStatements(t: RollupTable, row: string): string {
  return `UPDATE "${t.table}" SET ${t.measures.map((m) => `"${m}" = "${m}" - (${measure(m)(row)})`).join(", ")} WHERE ${keyMatch(t, row)};
  DELETE FROM "${t.table}" WHERE ${keyMatch(t, row)} AND "requests" = 0;`;
}

/** CREATE TRIGGER statements for SQLite (a migration that rebuilds "Generation" must re-run them). */
export function sqliteRollupTriggers(): string {
  const tables = rollupTables("sqlite");
  const body = (parts: string[]) => `BEGIN\n  ${parts.join("\n  ")}\nEND;`;
  const add = (row: string) => tables.map((t) => addStatement(t, row, "1"));
  const sub = (row: string) => tables.map((t) => subtractStatements(t, row));
  return [
    `CREATE TRIGGER "Generation_usage_insert" AFTER INSERT ON "Generation" ${body(add("NEW"))}`,
    `CREATE TRIGGER "Generation_usage_delete" AFTER DELETE ON "Generation" ${body(sub("OLD"))}`,
    `CREATE TRIGGER "Generation_usage_update" AFTER UPDATE OF ${quoted(WATCHED)} ON "Generation" ${body([...add("NEW"), ...sub("OLD")])}`,
  ].join("\n\n");
}

/** The trigger function and trigger for Postgres. */
export function postgresRollupTriggers(): string {
  const tables = rollupTables("postgres");
  const apply = tables.map((t) => addStatement(t, "g", "factor")).join("\n  ");
  const prune = tables.map((t) => `DELETE FROM "${t.table}" WHERE ${keyMatch(t, "g")} AND "requests" = 0;`).join("\n    ");
  return `CREATE FUNCTION "usage_rollup_apply"(g "Generation", factor INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ${apply}
  IF factor < 0 THEN
    ${prune}
  END IF;
END $$;

CREATE FUNCTION "Generation_usage_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM "usage_rollup_apply"(NEW, 1); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM "usage_rollup_apply"(OLD, -1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Generation_usage_rollup" AFTER INSERT OR DELETE OR UPDATE OF ${quoted(WATCHED)} ON "Generation"
  FOR EACH ROW EXECUTE FUNCTION "Generation_usage_rollup"();`;
}

/** Rebuilds every rollup from the ledger (a migration that adds or changes a rollup runs this once). */
export function rebuildRollupsSql(dialect: Dialect): string {
  return rollupTables(dialect)
    .map((t) => {
      const keys = t.keys.map(([k, e]) => `${e("g")} AS "${k}"`).join(", ");
      const sums = t.measures.map((m) => `SUM(${measure(m)("g")})`).join(", ");
      return `DELETE FROM "${t.table}";
INSERT INTO "${t.table}" (${quoted([...t.keys.map(([k]) => k), ...t.measures])})
  SELECT ${keys}, ${sums} FROM "Generation" g GROUP BY ${t.keys.map((_, i) => i + 1).join(", ")};`;
    })
    .join("\n");
}

/** Names of the triggers that must exist (the migrator checks them after migrating). */
export const ROLLUP_TRIGGERS: Record<Dialect, string[]> = {
  sqlite: ["Generation_usage_insert", "Generation_usage_delete", "Generation_usage_update"],
  postgres: ["Generation_usage_rollup"],
};
