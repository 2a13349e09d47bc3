// Raw SQL through the app's Prisma client: the dashboard's aggregates need GROUP BY on
// expressions and exact integer sums that Prisma's query API cannot express.
import { getDb } from "../db/client";

export function queryRows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return getDb().$queryRawUnsafe<T[]>(sql, ...params);
}
