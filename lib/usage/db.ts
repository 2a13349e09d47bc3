// Raw SQL through the app's Prisma client: the dashboard's aggregates need GROUP BY on
// expressions and exact integer sums that Prisma's query API cannot express. Written once
// with `?` placeholders and quoted identifiers; Postgres gets `$1, $2, …`.
import { getDb, getDialect } from "../db/client";
import { placeholders } from "../db/sql-dialect";

export function queryRows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return getDb().$queryRawUnsafe<T[]>(placeholders(sql, getDialect()), ...params);
}
