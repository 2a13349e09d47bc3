// The usage rollups are kept current by triggers on the ledger: every insert, update and
// delete of a Generation row adds its measures to its hour and day (and takes the old
// values away), in the same transaction. So a rollup always equals the exact sum of the
// ledger rows — written by the hot writer, Prisma, an import or a cascade — and nothing has
// to be sealed on read. This file is the one definition; migrations hold snapshots of it.
//
// Rows still "streaming" are left out of the rollups: a call's row is inserted, checkpointed
// about once a second and finished, and counting it in the rollups at each step cost 21 rollup
// statements per call (7 per write) on the hot writer's thread; leaving it out until it ends
// costs 3. The dashboard reads the few open rows from the ledger instead (usage-source.ts).
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

/** The status of the rows the rollups leave out (open calls: see the top of the file); the dashboard reads those from the ledger. */
export const OPEN_STATUS = "streaming";

/** Whether `row` counts in the rollups. */
export const countedSql = (row: string) => `${row}."status" <> '${OPEN_STATUS}'`;

/** CREATE TRIGGER statements for SQLite (a migration that rebuilds "Generation" must re-run them). */
export function sqliteRollupTriggers(): string {
  const tables = rollupTables("sqlite");
  const body = (parts: string[]) => `BEGIN\n  ${parts.join("\n  ")}\nEND;`;
  const add = (row: string) => tables.map((t) => addStatement(t, row, "1"));
  const sub = (row: string) => tables.map((t) => subtractStatements(t, row));
  const update = `AFTER UPDATE OF ${quoted(WATCHED)} ON "Generation"`;
  // An update adds the new row and takes the old one away, each only if it counts; the two
  // triggers may run in either order (a rollup row emptied by one is re-created by the other).
  return [
    `CREATE TRIGGER "Generation_usage_insert" AFTER INSERT ON "Generation" WHEN ${countedSql("NEW")} ${body(add("NEW"))}`,
    `CREATE TRIGGER "Generation_usage_delete" AFTER DELETE ON "Generation" WHEN ${countedSql("OLD")} ${body(sub("OLD"))}`,
    `CREATE TRIGGER "Generation_usage_update" ${update} WHEN ${countedSql("NEW")} ${body(add("NEW"))}`,
    `CREATE TRIGGER "Generation_usage_update_old" ${update} WHEN ${countedSql("OLD")} ${body(sub("OLD"))}`,
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
  IF TG_OP <> 'DELETE' AND ${countedSql("NEW")} THEN PERFORM "usage_rollup_apply"(NEW, 1); END IF;
  IF TG_OP <> 'INSERT' AND ${countedSql("OLD")} THEN PERFORM "usage_rollup_apply"(OLD, -1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Generation_usage_rollup" AFTER INSERT ON "Generation"
  FOR EACH ROW WHEN (${countedSql("NEW")}) EXECUTE FUNCTION "Generation_usage_rollup"();
CREATE TRIGGER "Generation_usage_rollup_delete" AFTER DELETE ON "Generation"
  FOR EACH ROW WHEN (${countedSql("OLD")}) EXECUTE FUNCTION "Generation_usage_rollup"();
CREATE TRIGGER "Generation_usage_rollup_update" AFTER UPDATE OF ${quoted(WATCHED)} ON "Generation"
  FOR EACH ROW WHEN (${countedSql("OLD")} OR ${countedSql("NEW")}) EXECUTE FUNCTION "Generation_usage_rollup"();`;
}

/** Rebuilds every rollup from the ledger (a migration that adds or changes a rollup runs this once). */
export function rebuildRollupsSql(dialect: Dialect): string {
  return rollupTables(dialect)
    .map((t) => {
      const keys = t.keys.map(([k, e]) => `${e("g")} AS "${k}"`).join(", ");
      const sums = t.measures.map((m) => `SUM(${measure(m)("g")})`).join(", ");
      return `DELETE FROM "${t.table}";
INSERT INTO "${t.table}" (${quoted([...t.keys.map(([k]) => k), ...t.measures])})
  SELECT ${keys}, ${sums} FROM "Generation" g WHERE ${countedSql("g")} GROUP BY ${t.keys.map((_, i) => i + 1).join(", ")};`;
    })
    .join("\n");
}

/** Names of the triggers that must exist (the migrator checks them after migrating). */
export const ROLLUP_TRIGGERS: Record<Dialect, string[]> = {
  sqlite: ["Generation_usage_insert", "Generation_usage_delete", "Generation_usage_update", "Generation_usage_update_old"],
  postgres: ["Generation_usage_rollup", "Generation_usage_rollup_delete", "Generation_usage_rollup_update"],
};
