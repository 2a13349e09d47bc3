// Stop pressed on one instance stops the call wherever it streams. The request goes over the
// bus (Redis pub/sub); each other instance stops what matches and answers how many, so the
// caller learns the total (the chat page aborts its own stream when nothing was stopped).
// Without Redis this is stopLive itself.
import { randomUUID } from "node:crypto";
import { processSingleton } from "../process-singleton";
import { onBroadcast, publishToOthers } from "../redis/bus";
import { stopLive, type StopMatch, type StopReason } from "./live-calls";

/** How long to wait for the other instances' answers; a stop is not worth waiting longer for. */
const REPLY_WAIT_MS = 1_000;

interface StopRequest {
  id: string;
  match: StopMatch;
  reason: StopReason;
}

interface Pending {
  /** Answers expected: unknown (Infinity) until the publish says how many received it. */
  expected: number;
  received: number;
  stopped: number;
  done: () => void;
}

const pending = () => processSingleton("stop-replies", () => new Map<string, Pending>());

onBroadcast<StopRequest>("stop", (request) => {
  void publishToOthers("stop-reply", { id: request.id, stopped: stopLive(request.match, request.reason) });
});

onBroadcast<{ id: string; stopped: number }>("stop-reply", ({ id, stopped }) => {
  const waiting = pending().get(id);
  if (!waiting) return;
  waiting.stopped += stopped;
  waiting.received += 1;
  if (waiting.received >= waiting.expected) waiting.done();
});

/** Stops what matches on every instance; resolves with how many were still running. */
export async function stopEverywhere(match: StopMatch, reason: StopReason): Promise<number> {
  const here = stopLive(match, reason);
  const id = randomUUID();
  const entry: Pending = { expected: Infinity, received: 0, stopped: 0, done: () => {} };
  const replied = new Promise<void>((resolve) => (entry.done = resolve));
  pending().set(id, entry);
  try {
    const others = await publishToOthers("stop", { id, match, reason } satisfies StopRequest);
    entry.expected = others;
    if (entry.received < others) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([replied, new Promise<void>((resolve) => (timer = setTimeout(resolve, REPLY_WAIT_MS)))]);
      clearTimeout(timer);
    }
  } finally {
    pending().delete(id);
  }
  return here + entry.stopped;
}
