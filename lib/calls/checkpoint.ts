// Once a second, everything in flight that delivered something new since its last checkpoint
// writes how far it got (its ledger row's tokens and cost, a chatroom answer's text), in one
// lazy batch off the token path. A crash then loses at most the last second: on the next
// start the open rows are closed with what they recorded (ledger-writer.ts).
import { hotWrite, type HotWrite } from "../db/hot-writes";
import { processSingleton } from "../process-singleton";
import { liveEntries } from "./live-calls";

export const CHECKPOINT_EVERY_MS = 1_000;

/** Writes every pending checkpoint now; resolves once they are committed. */
export function checkpointNow(): Promise<void> {
  const writes: HotWrite[] = [];
  for (const entry of liveEntries()) {
    const more = entry.checkpoint?.();
    if (more) writes.push(...more);
  }
  if (writes.length === 0) return Promise.resolve();
  return hotWrite(writes, { lazy: true }).catch((error) => console.error("[calls] could not checkpoint calls in flight:", error));
}

/** Starts the once-a-second checkpoints for this process (they never keep it alive). */
export function ensureCheckpoints(): void {
  processSingleton("checkpoint-timer", () => {
    const timer = setInterval(() => void checkpointNow(), CHECKPOINT_EVERY_MS);
    timer.unref();
    return timer;
  });
}
