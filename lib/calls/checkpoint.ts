// Everything in flight that delivered something new writes how far it got (its ledger row's
// tokens and cost, a chatroom answer's text) once a second, or sooner after a few hundred
// tokens, in one lazy batch off the token path. A crash then loses at most that much: on the
// next start the open rows are closed with what they recorded (ledger-writer.ts).
import { hotWrite, type HotWrite } from "../db/hot-writes";
import { processSingleton } from "../process-singleton";
import { liveEntries } from "./live-calls";

export const CHECKPOINT_EVERY_MS = 1_000;
/** About 250 tokens of text: a fast stream checkpoints this often rather than once a second. */
const CHECKPOINT_EVERY_CHARS = 1_000;
const TICK_MS = 250;

/** Whether something that last checkpointed at `lastAt` and has grown by `grownChars` since is due. */
export function checkpointDue(lastAt: number, grownChars: number, now = Date.now()): boolean {
  return grownChars > 0 && (grownChars >= CHECKPOINT_EVERY_CHARS || now - lastAt >= CHECKPOINT_EVERY_MS);
}

/** Writes every checkpoint that is due; resolves once they are committed. */
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
    const timer = setInterval(() => void checkpointNow(), TICK_MS);
    timer.unref();
    return timer;
  });
}
