// Per-user monthly budgets set by an admin, enforced on the chatroom and the API alike.
// Spend is the user's ledger total since the 1st of the month (UTC), kept in memory by
// the same tracker as key credit, so a check and its reservation never interleave.
import { getUserState } from "../auth/user-state";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { computeCostPico } from "../ledger/compute-cost";
import { countPromptTokens } from "../ledger/estimate-usage";
import { countable, type WireMessage } from "../providers/quirks/message-rules";
import type { Candidate } from "../router/resolve-model";
import { CreditTracker } from "./credit-tracker";
import { formatCreditUsd } from "./format-credit";

export interface BudgetHold {
  settle(actualPico: bigint): void;
  release(): void;
}

const NO_HOLD: BudgetHold = { settle() {}, release() {} };

async function loadUserSpend(userId: string, since: number): Promise<bigint> {
  const result = await getDb().generation.aggregate({ _sum: { costPico: true }, where: { userId, createdAt: { gte: new Date(since) } } });
  return result._sum.costPico ?? 0n;
}

const globalBudget = globalThis as unknown as { __switchyardBudgetTracker?: CreditTracker };

export function getBudgetTracker(): CreditTracker {
  return (globalBudget.__switchyardBudgetTracker ??= new CreditTracker(loadUserSpend));
}

/**
 * Reserves the call's worst-case cost under the user's budget, or refuses with 402. The worst
 * case may be given as a function: counting it exactly is then left to users with a budget.
 */
export async function holdUserBudget(userId: string, worstCase: bigint | (() => bigint)): Promise<BudgetHold> {
  const known = getUserState(userId);
  const { monthlyBudgetPico: limit } = known instanceof Promise ? await known : known;
  if (limit === null) return NO_HOLD;
  const worstCasePico = typeof worstCase === "function" ? worstCase() : worstCase;
  const tracker = getBudgetTracker();
  const current = tracker.current(userId, "monthly", Date.now());
  const state = current instanceof Promise ? await current : current;
  const amount = worstCasePico > 0n ? worstCasePico : 0n;
  // Free calls spend nothing, so an exhausted budget does not stop them.
  if (amount === 0n) return NO_HOLD;
  const reserved = tracker.reserve(state, limit, amount);
  if (!reserved.ok) {
    throw new AppError(
      402,
      `Monthly budget reached: this request can cost up to ${formatCreditUsd(amount, "up")} and ${formatCreditUsd(reserved.leftPico, "down")} of your ${formatCreditUsd(limit, "down")} budget is left this month. Ask an admin to raise it.`,
      "insufficient_credits",
    );
  }
  let done = false;
  return {
    settle(actualPico) {
      if (done) return;
      done = true;
      tracker.settle(state, amount, actualPico);
    },
    release() {
      if (done) return;
      done = true;
      tracker.release(state, amount);
    },
  };
}

const DEFAULT_MAX_TOKENS = 4096;

/**
 * The most one chatroom round can cost on any of its candidates: the prompt counted with the
 * tokenizer (a characters-per-token guess undercounts digits, code and CJK several times over,
 * which let a budget be overspent) plus the full output bound. Only budgeted users pay for it.
 */
export function worstCaseRoundCost(candidates: readonly Candidate[], messages: readonly WireMessage[], maxTokens: number | null): bigint {
  const promptTokens = countPromptTokens(countable(messages));
  return candidates.reduce((max, c) => {
    const cost = computeCostPico({ promptTokens, completionTokens: maxTokens ?? c.maxOutputTokens ?? DEFAULT_MAX_TOKENS, reasoningTokens: 0, cachedTokens: 0 }, c.price);
    return cost > max ? cost : max;
  }, 0n);
}
