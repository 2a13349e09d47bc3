// Calls left "streaming" by a process that stopped. On start: ledger writes a database outage
// left in the outbox are written first; then answers and ledger rows a crash left streaming are
// closed as errors, so no call that reached an upstream is lost and no column spins forever.
// With several instances (Redis), only rows no live instance is streaming are closed, and only
// once old enough to have been announced; and every instance sweeps so while it runs, so a
// dead instance's rows are closed within a minute even if it never starts again.
import { ALIVE_MS, liveElsewhere, SETTLING_MS } from "../calls/live-elsewhere";
import { liveRowIds } from "../calls/live-calls";
import { replayLedgerOutbox } from "../db/hot-writes";
import { closeInterruptedMessages } from "../db/messages";
import { closeInterruptedGenerations, ledgerWritesSoFar } from "../ledger/ledger-writer";
import { redisEnabled } from "../redis/client";

export async function closeInterruptedCalls(): Promise<void> {
  await replayLedgerOutbox();
  const interrupted = await closeRowsNotIn(await liveElsewhere());
  if (interrupted > 0) console.log(`[switchyard] closed ${interrupted} calls interrupted by the last shutdown`);
}

/** One sweep: rows older than the settling time that no live instance (this one included) streams. */
export async function closeAbandonedCalls(): Promise<number> {
  // This instance's own list comes from memory (its announcements may lag); its calls that just
  // ended have their last writes committed first.
  const own = liveRowIds();
  await ledgerWritesSoFar();
  const live = await liveElsewhere(true);
  if (live === null) return 0;
  const closed = await closeRowsNotIn([...live, ...own]);
  if (closed > 0) console.log(`[switchyard] closed ${closed} calls left streaming by an instance that stopped`);
  return closed;
}

/** With Redis, sweeps every ALIVE_MS; returns what stops it. */
export function startAbandonedCallSweep(): () => void {
  if (!redisEnabled()) return () => {};
  const timer = setInterval(() => void closeAbandonedCalls().catch((error) => console.error("[switchyard] could not close abandoned calls:", error)), ALIVE_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Closes the rows left streaming; with `live` (several instances), only those it does not name and old enough to have been announced. */
async function closeRowsNotIn(live: Iterable<string> | null): Promise<number> {
  const keep = live === null ? undefined : { ids: [...live], before: new Date(Date.now() - SETTLING_MS) };
  return (await closeInterruptedMessages(keep)) + (await closeInterruptedGenerations(keep));
}
