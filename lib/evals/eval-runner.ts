// Runs a set: each prompt a one-turn comparison of the chosen models (the chatroom's own turn,
// so every call goes through the one engine and the ledger), a few prompts at a time. The cap
// is kept with the engine's worst cases: a prompt starts only if what is spent, plus the worst
// case of the prompts in flight, plus its own worst case, stays within the cap — so the run can
// never spend past it. When the next prompt would not fit, the run stops as "capped".
import type { EvalRun } from "@prisma/client";
import { prepareTurn, streamColumns } from "../chat/run-turn";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { usdToPico } from "../ledger/usd";
import { processSingleton } from "../process-singleton";
import type { ColumnSettings } from "../chat/api-types";
import { evalColumns, estimateSet } from "./eval-estimate";
import { getEvalSet } from "./eval-store";

export interface StartRun {
  models: string[];
  costCapUsd: string;
  concurrency: number;
  maxTokens?: number;
}

/** Runs in flight in this process (awaited by tests). */
const running = () => processSingleton("evals.running", () => new Map<string, Promise<void>>());

export function runFinished(runId: string): Promise<void> {
  return running().get(runId) ?? Promise.resolve();
}

export async function startEvalRun(userId: string, setId: string, input: StartRun): Promise<EvalRun> {
  const set = await getEvalSet(userId, setId);
  const cap = usdToPico(input.costCapUsd);
  const estimate = await estimateSet(userId, set.prompts, input.models, input.maxTokens);
  if (estimate.perPrompt[0] > cap) throw new AppError(400, "The cost cap is below the worst case of the first prompt: nothing could run", "invalid_request", "costCapUsd");
  const run = await getDb().evalRun.create({
    data: { userId, setId, models: JSON.stringify(input.models), status: "running", costCapPico: cap, estimatePico: estimate.totalPico, total: set.prompts.length, conversationIds: JSON.stringify(set.prompts.map(() => null)) },
  });
  const done = execute(run.id, userId, set.prompts, evalColumns(input.models, input.maxTokens), estimate.perPrompt, cap, input.concurrency).catch(async (error: unknown) => {
    console.error("[evals] run failed:", error);
    await getDb().evalRun.update({ where: { id: run.id }, data: { status: "failed", error: error instanceof Error ? error.message : String(error) } });
  });
  running().set(run.id, done.finally(() => running().delete(run.id)));
  return run;
}

async function execute(runId: string, userId: string, prompts: string[], columns: ColumnSettings[], worst: bigint[], cap: bigint, concurrency: number): Promise<void> {
  const conversationIds: (string | null)[] = prompts.map(() => null);
  let spent = 0n;
  let inFlight = 0n;
  let next = 0;
  let capped = false;
  let completed = 0;
  const db = getDb();
  const worker = async () => {
    while (!capped && next < prompts.length) {
      const i = next;
      if (spent + inFlight + worst[i] > cap) {
        capped = true;
        return;
      }
      next++;
      inFlight += worst[i];
      let cost = 0n;
      try {
        const turn = await prepareTurn(userId, { prompt: prompts[i], columns });
        conversationIds[i] = turn.conversationId;
        await streamColumns(turn, []).run((event) => {
          if (event.type === "column-end" || event.type === "column-error") cost += BigInt(event.stats.costPico);
        });
      } finally {
        inFlight -= worst[i];
        spent += cost;
        completed++;
        await db.evalRun.update({ where: { id: runId }, data: { completed, spentPico: spent, conversationIds: JSON.stringify(conversationIds) } });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, prompts.length) }, worker));
  await db.evalRun.update({ where: { id: runId }, data: { status: capped ? "capped" : "done" } });
}
