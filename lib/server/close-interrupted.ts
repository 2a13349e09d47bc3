// On start: ledger writes a database outage left in the outbox are written first; then
// answers and ledger rows a crash left "streaming" are closed as errors, so no call that
// reached an upstream is lost and no column spins forever. With several instances, only rows
// no live instance is streaming are closed, and only once old enough to have been announced.
import { liveElsewhere, SETTLING_MS } from "../calls/live-elsewhere";
import { replayLedgerOutbox } from "../db/hot-writes";
import { closeInterruptedMessages } from "../db/messages";
import { closeInterruptedGenerations } from "../ledger/ledger-writer";

export async function closeInterruptedCalls(): Promise<void> {
  await replayLedgerOutbox();
  const elsewhere = await liveElsewhere();
  const keep = elsewhere === null ? undefined : { ids: [...elsewhere], before: new Date(Date.now() - SETTLING_MS) };
  const interrupted = (await closeInterruptedMessages(keep)) + (await closeInterruptedGenerations(keep));
  if (interrupted > 0) console.log(`[switchyard] closed ${interrupted} calls interrupted by the last shutdown`);
}
