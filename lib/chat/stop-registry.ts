// Live columns by message id, so a stop request (or a closed tab) can abort their calls.

interface LiveColumn {
  conversationId: string;
  controller: AbortController;
}

const globalLive = globalThis as unknown as { __switchyardLive?: Map<string, LiveColumn> };
const live = (globalLive.__switchyardLive ??= new Map());

export function registerLiveColumn(messageId: string, conversationId: string): AbortController {
  const controller = new AbortController();
  live.set(messageId, { conversationId, controller });
  return controller;
}

export function unregisterLiveColumn(messageId: string): void {
  live.delete(messageId);
}

/** Aborts the given live columns; returns how many were still running. */
export function stopColumns(match: { messageId?: string; conversationId?: string }): number {
  let stopped = 0;
  for (const [messageId, column] of live) {
    const hit = match.messageId ? messageId === match.messageId : column.conversationId === match.conversationId;
    if (hit && !column.controller.signal.aborted) {
      column.controller.abort();
      stopped += 1;
    }
  }
  return stopped;
}

export function liveConversationIdOf(messageId: string): string | undefined {
  return live.get(messageId)?.conversationId;
}
