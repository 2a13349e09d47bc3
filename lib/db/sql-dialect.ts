// The few places where SQLite and Postgres SQL differ, as functions of the dialect. Raw SQL
// elsewhere is written once: quoted identifiers, `?` placeholders, CASE instead of booleans
// used as numbers, CAST(... AS TEXT) for exact big sums.
import type { Dialect } from "./database-url";

/** `?` placeholders as the driver wants them: `$1, $2, …` for Postgres. (No `?` inside literals.) */
export function placeholders(sql: string, dialect: Dialect): string {
  if (dialect === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Whole seconds since the Unix epoch of a DateTime column (stored as UTC on both). */
export function epochSecondsSql(column: string, dialect: Dialect): string {
  return dialect === "sqlite" ? `unixepoch(${column})` : `FLOOR(EXTRACT(EPOCH FROM ${column}))::bigint`;
}
