// Per-user monthly budgets set by an admin, enforced on the chatroom and the API alike.
// Spend is the user's ledger total since the 1st of the month (UTC), kept in memory by the
// same tracker as key credit, so a check and its reservation never interleave.
import { getDb } from "../db/client";
import { processSingleton } from "../process-singleton";
import { CreditTracker } from "./credit-tracker";

export async function loadUserSpend(userId: string, since: number): Promise<bigint> {
  const result = await getDb().generation.aggregate({ _sum: { costPico: true }, where: { userId, createdAt: { gte: new Date(since) } } });
  return result._sum.costPico ?? 0n;
}

export function getBudgetTracker(): CreditTracker {
  return processSingleton("budget-tracker", () => new CreditTracker(loadUserSpend));
}
