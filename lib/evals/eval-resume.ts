// Runs that no live instance holds — their server stopped (SIGTERM, SIGKILL, a crash) or never
// took them up — are resumed where they stopped: by this instance when it starts, and by any
// running instance once the lease of one that died has expired (checked every half lease).
// Resumed with what the run was started with (models, concurrency, maxTokens, cap), counting
// what it already spent, skipping every prompt that already has its comparison.
//
// A prompt that was in flight when the server stopped keeps its comparison and is not run
// again: the server closed its answers as stopped (SIGTERM) or the next start closed them as
// errors with what was checkpointed (SIGKILL), so the table shows that cell's status. Running
// it again would pay twice for one prompt, and would make "each prompt runs once" depend on
// the old instance really being gone, which a lease can only assume.
import { getDb } from "../db/client";
import { evalColumns, estimateSet } from "./eval-estimate";
import { claimRun, leaseMs, releaseRun, unleasedRuns, writeHeld } from "./eval-lease";
import { acceptEvalRuns, isRunningHere, launchRun } from "./eval-runner";
import { getEvalSet } from "./eval-store";

/** Starts watching for runs to resume (now, then every half lease); returns the stop. */
export function startEvalResumer(): () => void {
  acceptEvalRuns();
  let scanning: Promise<void> | null = null;
  const scan = () => {
    scanning ??= resumeUnleasedRuns()
      .catch((error: unknown) => console.error("[evals] could not look for runs to resume:", error))
      .finally(() => (scanning = null));
  };
  scan();
  const timer = setInterval(scan, leaseMs() / 2);
  timer.unref();
  return () => clearInterval(timer);
}

async function resumeUnleasedRuns(): Promise<void> {
  for (const runId of await unleasedRuns()) if (!isRunningHere(runId) && (await claimRun(runId))) await resumeClaimed(runId);
}

/** Goes on with a run this instance just claimed. */
async function resumeClaimed(runId: string): Promise<void> {
  const run = await getDb().evalRun.findUniqueOrThrow({ where: { id: runId } });
  try {
    const set = await getEvalSet(run.userId, run.setId);
    const models = JSON.parse(run.models) as string[];
    const conversationIds = await savedComparisons(run.userId, JSON.parse(run.conversationIds) as (string | null)[]);
    if (conversationIds.length !== set.prompts.length) throw new Error("The set's prompts no longer match the run");
    const maxTokens = run.maxTokens ?? undefined;
    const { perPrompt } = await estimateSet(run.userId, set.prompts, models, maxTokens);
    // The row counts prompts that ended; the ledger also has what the interrupted ones cost.
    const charged = await chatSpend(run.userId, conversationIds);
    const spent = charged > run.spentPico ? charged : run.spentPico;
    const started = conversationIds.filter((id) => id !== null).length;
    await writeHeld(runId, { spentPico: spent, completed: started, conversationIds: JSON.stringify(conversationIds) });
    console.log(`[switchyard] resuming evaluation run ${runId}: ${set.prompts.length - started} of ${set.prompts.length} prompts left`);
    launchRun({ runId, userId: run.userId, prompts: set.prompts, columns: evalColumns(models, maxTokens), worst: perPrompt, cap: run.costCapPico, concurrency: run.concurrency, conversationIds, spent });
  } catch (error) {
    console.error(`[evals] could not resume run ${runId}:`, error);
    await releaseRun(runId, { status: "failed", error: `Could not resume after a restart: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** The recorded comparisons that were saved; one a crash kept from being saved made no call. */
async function savedComparisons(userId: string, conversationIds: (string | null)[]): Promise<(string | null)[]> {
  const ids = conversationIds.filter((id): id is string => id !== null);
  const saved = new Set((await getDb().conversation.findMany({ where: { userId, id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  return conversationIds.map((id) => (id !== null && saved.has(id) ? id : null));
}

/** What the answers of these comparisons cost, from the ledger (judging is not the run's spend). */
async function chatSpend(userId: string, conversationIds: (string | null)[]): Promise<bigint> {
  const ids = conversationIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return 0n;
  const result = await getDb().generation.aggregate({ _sum: { costPico: true }, where: { userId, source: "chat", conversationId: { in: ids } } });
  return result._sum.costPico ?? 0n;
}
