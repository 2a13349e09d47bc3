// Everything in flight in this process — each upstream call, and each chatroom answer (which
// may span several calls when tools are used) — registered with what can stop it and what it
// has delivered so far. Stops come from a user (Stop), a closed tab or socket, an admin
// disabling the user, and shutdown; checkpoints (checkpoint.ts) read the progress.
import { processSingleton } from "../process-singleton";
import { announceLive } from "./live-elsewhere";
import type { HotWrite } from "../db/hot-writes";

/** Why something in flight was stopped; the abort signal's reason. */
export type StopReason = "client" | "user" | "shutdown" | "disabled";

export interface LiveEntry {
  userId: string;
  /** What a stop can name it by (a chatroom answer: its message and conversation). */
  conversationId?: string | null;
  messageId?: string | null;
  /** The call's ledger row (an upstream call; a chatroom answer names its message instead). */
  generationId?: string;
  controller: AbortController;
  /** The writes that save what it has delivered since the last checkpoint; null when nothing new. */
  checkpoint?: () => HotWrite[] | null;
}

export interface StopMatch {
  userId?: string;
  conversationId?: string;
  messageId?: string;
}

const entries = () => processSingleton("live-calls", () => new Set<LiveEntry>());

export function registerLive(entry: LiveEntry): () => void {
  const set = entries();
  set.add(entry);
  // Other instances starting up must not close this one's rows as interrupted.
  const forget = announceLive(rowIdsOf(entry));
  return () => {
    forget();
    return set.delete(entry);
  };
}

export function liveEntries(): Iterable<LiveEntry> {
  return entries();
}

/** The database rows (ledger row, answer) an entry keeps streaming. */
function rowIdsOf(entry: LiveEntry): string[] {
  return [entry.generationId, entry.messageId].filter((id): id is string => typeof id === "string");
}

/** The rows everything in flight here keeps streaming. */
export function liveRowIds(): string[] {
  return [...entries()].flatMap(rowIdsOf);
}

export function liveCount(): number {
  return entries().size;
}

/** Aborts what matches (everything when `match` is empty); returns how many were still running. */
export function stopLive(match: StopMatch, reason: StopReason): number {
  let stopped = 0;
  for (const entry of entries()) {
    if (match.userId !== undefined && entry.userId !== match.userId) continue;
    if (match.conversationId !== undefined && entry.conversationId !== match.conversationId) continue;
    if (match.messageId !== undefined && entry.messageId !== match.messageId) continue;
    if (entry.controller.signal.aborted) continue;
    entry.controller.abort(reason);
    stopped += 1;
  }
  return stopped;
}

/** The reason something was stopped, from its signal (a client going away when unsaid). */
export function stopReasonOf(signal: AbortSignal): StopReason {
  const reason = signal.reason;
  return reason === "user" || reason === "shutdown" || reason === "disabled" ? reason : "client";
}

export function stopMessage(reason: StopReason): string {
  if (reason === "shutdown") return "The server is restarting; the answer was stopped";
  if (reason === "disabled") return "The account was disabled; the answer was stopped";
  return "Stopped";
}
