// A transaction that checks, then writes (the last active admin cannot be demoted; only the
// first account becomes admin; a turn is regenerated or fused once) must hold its lock from
// its first read.
// - Postgres runs such transactions side by side (READ COMMITTED): both could pass the check.
//   An advisory lock on the key makes transactions on the same key run one after the other.
// - SQLite runs one writer at a time, but Prisma begins a transaction DEFERRED: it reads a
//   snapshot and asks for the write lock only at its first write. If the hot writer's thread
//   (another connection) committed in between, that upgrade fails at once with SQLITE_BUSY —
//   the busy timeout does not apply — and the request answered 500. A write that touches no
//   row, as the first statement, takes the write lock up front (waiting up to the busy timeout).
import type { Prisma } from "@prisma/client";
import { getDialect } from "./client";

export async function lockForTransaction(tx: Prisma.TransactionClient, key: string): Promise<void> {
  if (getDialect() !== "postgres") {
    await tx.$executeRawUnsafe(`UPDATE "User" SET "id" = "id" WHERE 0 = 1`);
    return;
  }
  // Held until the transaction ends. (::text: Prisma cannot read a `void` column.)
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))::text AS "locked"`, key);
}
