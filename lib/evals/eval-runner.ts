// Runs a set: each prompt a one-turn comparison of the chosen models (the chatroom's own turn,
// so every call goes through the one engine and the ledger), a few prompts at a time. The cap
// is kept with the engine's worst cases: a prompt starts only if what is spent, plus the worst
// case of the prompts in flight, plus its own worst case, stays within the cap — so the run can
// never spend past it. When the next prompt would not fit, the run stops as "capped".
//
// A run survives a restart: the row keeps what it was started with, each prompt's comparison
// is recorded before any of its calls start, and the instance running it holds a lease on the
// row (eval-lease.ts). A run whose instance stopped is taken up where it stopped (eval-resume.ts).
import type { EvalRun } from "@prisma/client";
import { prepareTurn, streamColumns, type ChatStream } from "../chat/run-turn";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { usdToPico } from "../ledger/usd";
import { processSingleton } from "../process-singleton";
import type { ColumnSettings } from "../chat/api-types";
import { evalColumns, estimateSet } from "./eval-estimate";
import { heldLease, leaseMs, releaseRun, writeHeld } from "./eval-lease";
import { getEvalSet } from "./eval-store";

export interface StartRun {
  models: string[];
  costCapUsd: string;
  concurrency: number;
  maxTokens?: number;
}

/** What a run needs to go on, from its start or from where an earlier instance left it. */
export interface RunPlan {
  runId: string;
  userId: string;
  prompts: string[];
  columns: ColumnSettings[];
  /** Per prompt, picodollars. */
  worst: bigint[];
  cap: bigint;
  concurrency: number;
  /** Per prompt: its comparison once it started (those are never run again), else null. */
  conversationIds: (string | null)[];
  spent: bigint;
}

interface RunControl {
  done: Promise<void>;
  /** Shutdown: take no new prompt, then free the lease for the next instance. */
  pausing: boolean;
  /** Another instance holds the run now: stop at once, write nothing more. */
  lost: boolean;
  streams: Set<ChatStream>;
}

/** Runs in flight in this process (awaited by tests and by shutdown), and whether it is closing. */
const state = () => processSingleton("evals.runs", () => ({ runs: new Map<string, RunControl>(), closing: false }));
const running = () => state().runs;

export function runFinished(runId: string): Promise<void> {
  return running().get(runId)?.done ?? Promise.resolve();
}

export function isRunningHere(runId: string): boolean {
  return running().has(runId);
}

/** A server starting in this process (tests start several) takes runs again. */
export function acceptEvalRuns(): void {
  state().closing = false;
}

export async function startEvalRun(userId: string, setId: string, input: StartRun): Promise<EvalRun> {
  const { run, plan } = await createEvalRun(userId, setId, input);
  launchRun(plan);
  return run;
}

/** The run's row, held by this instance, and its plan from the first prompt. */
export async function createEvalRun(userId: string, setId: string, input: StartRun): Promise<{ run: EvalRun; plan: RunPlan }> {
  const set = await getEvalSet(userId, setId);
  const cap = usdToPico(input.costCapUsd);
  const estimate = await estimateSet(userId, set.prompts, input.models, input.maxTokens);
  if (estimate.perPrompt[0] > cap) throw new AppError(400, "The cost cap is below the worst case of the first prompt: nothing could run", "invalid_request", "costCapUsd");
  const conversationIds = set.prompts.map(() => null);
  const run = await getDb().evalRun.create({
    data: {
      userId, setId, models: JSON.stringify(input.models), status: "running", costCapPico: cap, estimatePico: estimate.totalPico, total: set.prompts.length,
      conversationIds: JSON.stringify(conversationIds), concurrency: input.concurrency, maxTokens: input.maxTokens ?? null, ...heldLease(),
    },
  });
  const columns = evalColumns(input.models, input.maxTokens);
  return { run, plan: { runId: run.id, userId, prompts: set.prompts, columns, worst: estimate.perPrompt, cap, concurrency: input.concurrency, conversationIds, spent: 0n } };
}

/** Runs the plan in the background; this instance must hold the run's lease. */
export function launchRun(plan: RunPlan): void {
  const control: RunControl = { done: Promise.resolve(), pausing: state().closing, lost: false, streams: new Set() };
  const renew = setInterval(() => {
    writeHeld(plan.runId).then(
      (held) => held || loseRun(control),
      (error: unknown) => console.error("[evals] could not renew a run's lease:", error),
    );
  }, leaseMs() / 3);
  renew.unref();
  control.done = execute(plan, control)
    .catch(async (error: unknown) => {
      console.error("[evals] run failed:", error);
      await releaseRun(plan.runId, { status: "failed", error: error instanceof Error ? error.message : String(error) });
    })
    .finally(() => {
      clearInterval(renew);
      running().delete(plan.runId);
    });
  running().set(plan.runId, control);
}

function loseRun(control: RunControl): void {
  if (control.lost) return;
  console.error("[evals] another instance took over a run this one was running: stopping its prompts here");
  control.lost = true;
  control.streams.forEach((stream) => stream.stopAll());
}

/** Shutdown: every run here takes no new prompt; once its prompts in flight ended (the server
 * stops them), its lease is freed, so the next start or another instance resumes it at once. */
export function pauseEvalRuns(): Promise<void> {
  state().closing = true;
  const runs = [...running().values()];
  runs.forEach((control) => (control.pausing = true));
  return Promise.all(runs.map((control) => control.done)).then(() => undefined);
}

async function execute(plan: RunPlan, control: RunControl): Promise<void> {
  const { runId, userId, prompts, columns, worst, cap } = plan;
  const conversationIds = [...plan.conversationIds];
  const pending = prompts.map((_, i) => i).filter((i) => conversationIds[i] === null);
  let completed = prompts.length - pending.length;
  let spent = plan.spent;
  let inFlight = 0n;
  let next = 0;
  let capped = false;
  const stopped = () => control.pausing || control.lost;
  // Progress, written only while this instance holds the run, one write at a time in order:
  // two writes in flight at once could land out of order (on Postgres they go over separate
  // connections), and an older list of comparisons would hide a prompt that already ran.
  let writes = Promise.resolve();
  const save = (data: Parameters<typeof writeHeld>[1]) => {
    writes = writes.then(async () => {
      if (!control.lost && !(await writeHeld(runId, data))) loseRun(control);
    });
    return writes;
  };
  const worker = async () => {
    while (!capped && !stopped() && next < pending.length) {
      const i = pending[next];
      if (spent + inFlight + worst[i] > cap) {
        capped = true;
        return;
      }
      next++;
      inFlight += worst[i];
      let cost = 0n;
      try {
        const turn = await prepareTurn(userId, { prompt: prompts[i], columns });
        // Recorded before any call starts: from here on this prompt has its comparison and is
        // never run again, whatever happens to this instance. The comparison's rows are saved
        // before its calls start, so one recorded but never saved (a crash in between) cost
        // nothing, and a resume runs that prompt after all (eval-resume.ts).
        conversationIds[i] = turn.conversationId;
        await save({ conversationIds: JSON.stringify(conversationIds) });
        await turn.persisted;
        const stream = streamColumns(turn, []);
        control.streams.add(stream);
        // Lost to another instance, or the server began to stop, in between: the answers end
        // at once, as stopped, at $0 (the shutdown's stop has already passed them by).
        if (stopped()) stream.stopAll();
        await stream
          .run((event) => {
            if (event.type === "column-end" || event.type === "column-error") cost += BigInt(event.stats.costPico);
          })
          .finally(() => control.streams.delete(stream));
      } finally {
        inFlight -= worst[i];
        spent += cost;
        if (conversationIds[i] !== null) completed++;
        await save({ completed, spentPico: spent });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, pending.length) }, worker));
  if (control.lost) return;
  // Paused by shutdown with prompts left: the run stays "running", its lease free.
  if (control.pausing && !capped && next < pending.length) return releaseRun(runId);
  await releaseRun(runId, { status: capped ? "capped" : "done" });
}
