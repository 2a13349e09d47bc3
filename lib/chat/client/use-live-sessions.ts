"use client";
import { useSyncExternalStore } from "react";
import type { LiveSession } from "./live-types";
import { liveChatStore } from "./live-store";

const EMPTY: readonly LiveSession[] = [];

/** Every live session, re-read once per animation frame at most. */
export function useLiveSessions(): readonly LiveSession[] {
  return useSyncExternalStore(liveChatStore.subscribe, liveChatStore.getSnapshot, () => EMPTY);
}
