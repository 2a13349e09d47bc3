// A user's own monthly budget and what is left of it, for the usage page. Spend is the same
// ledger sum the budget check uses: since the 1st of the month (UTC).
import { getDb } from "../db/client";
import { creditPeriod } from "../limits/credit-period";

export interface OwnBudget {
  /** Picodollars as decimal strings; budget null means no limit. */
  budgetPico: string | null;
  spentPico: string;
  leftPico: string | null;
  /** When the month's spend starts again from zero. */
  resetsAt: string;
}

export async function getOwnBudget(userId: string, now = Date.now()): Promise<OwnBudget> {
  const period = creditPeriod("monthly", now);
  const db = getDb();
  const [user, spent] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { monthlyBudgetPico: true } }),
    db.generation.aggregate({ _sum: { costPico: true }, where: { userId, createdAt: { gte: new Date(period.start) } } }),
  ]);
  const budget = user?.monthlyBudgetPico ?? null;
  const total = spent._sum.costPico ?? 0n;
  return {
    budgetPico: budget === null ? null : budget.toString(),
    spentPico: total.toString(),
    leftPico: budget === null ? null : (budget > total ? budget - total : 0n).toString(),
    resetsAt: new Date(period.end).toISOString(),
  };
}
