// A transaction that checks, then writes (the last active admin cannot be demoted; only the
// first account becomes admin) is safe on SQLite, which runs one writer at a time. Postgres
// runs such transactions side by side (READ COMMITTED): both could pass the check. Taking
// this lock first makes transactions on the same key run one after the other there too.
import type { Prisma } from "@prisma/client";
import { getDialect } from "./client";

export async function lockForTransaction(tx: Prisma.TransactionClient, key: string): Promise<void> {
  if (getDialect() !== "postgres") return;
  // Held until the transaction ends. (::text: Prisma cannot read a `void` column.)
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))::text AS "locked"`, key);
}
