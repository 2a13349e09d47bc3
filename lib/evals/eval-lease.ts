// Which instance runs an evaluation run: a lease on its row (owner + expiry) that the owner
// renews while the run goes on. Every change is one conditional UPDATE, atomic on SQLite and
// Postgres alike, so of several instances that try to take the same free run exactly one
// succeeds, and an owner whose lease passed to another can no longer write the run's progress.
// A run whose instance died keeps its lease until it expires; then any instance may take it.
// (Expiry is compared with each instance's own clock: keep them in sync, as for any lease.)
import type { Prisma } from "@prisma/client";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { instanceId } from "../redis/bus";

export function leaseMs(): number {
  return getEnv().EVAL_LEASE_SECONDS * 1000;
}

/** This process's name as a lease owner (the one it has on the Redis bus). */
export function leaseOwner(): string {
  return instanceId();
}

const leaseUntil = () => new Date(Date.now() + leaseMs());

/** The lease columns of a run this instance creates already holding it. */
export function heldLease(): { leaseOwner: string; leaseUntil: Date } {
  return { leaseOwner: leaseOwner(), leaseUntil: leaseUntil() };
}

const free = (): Prisma.EvalRunWhereInput => ({ status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }] });

/** Runs no live instance holds: never picked up, released at shutdown, or their owner died. */
export async function unleasedRuns(): Promise<string[]> {
  const rows = await getDb().evalRun.findMany({ where: free(), select: { id: true }, orderBy: { createdAt: "asc" }, take: 50 });
  return rows.map((r) => r.id);
}

/** Takes the run if it is still free; true when this instance now holds it. */
export async function claimRun(runId: string): Promise<boolean> {
  const { count } = await getDb().evalRun.updateMany({ where: { id: runId, ...free() }, data: { ...heldLease(), resumes: { increment: 1 } } });
  return count === 1;
}

/** Writes `data` only while this instance holds the lease (renewing it); false once it lost it. */
export async function writeHeld(runId: string, data: Prisma.EvalRunUpdateManyMutationInput = {}): Promise<boolean> {
  const { count } = await getDb().evalRun.updateMany({ where: { id: runId, leaseOwner: leaseOwner() }, data: { ...data, leaseUntil: leaseUntil() } });
  return count === 1;
}

/** Ends the lease: with `data` (a final status) or without (shutdown: free for the next instance at once). */
export async function releaseRun(runId: string, data: Prisma.EvalRunUpdateManyMutationInput = {}): Promise<void> {
  await getDb().evalRun.updateMany({ where: { id: runId, leaseOwner: leaseOwner() }, data: { ...data, leaseOwner: null, leaseUntil: null } });
}
