// On start: ledger writes a database outage left in the outbox are written first; then
// answers and ledger rows a crash left "streaming" are closed as errors, so no call that
// reached an upstream is lost and no column spins forever.
import { replayLedgerOutbox } from "../db/hot-writes";
import { closeInterruptedMessages } from "../db/messages";
import { closeInterruptedGenerations } from "../ledger/ledger-writer";

export async function closeInterruptedCalls(): Promise<void> {
  await replayLedgerOutbox();
  const interrupted = (await closeInterruptedMessages()) + (await closeInterruptedGenerations());
  if (interrupted > 0) console.log(`[switchyard] closed ${interrupted} calls interrupted by the last shutdown`);
}
