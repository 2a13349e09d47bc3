// Writes the chatroom's multiplexed events as one SSE response on node:http (the app
// server's hot route, lib/server/lean-routes.ts).
import type { ServerResponse } from "node:http";
import { SSE_HEADERS } from "../http/sse-headers";
import type { ChatEvent } from "../streaming/events";
import { encodeSseEvent, sseCommentText, sseEventText } from "../streaming/sse";
import type { ChatStream } from "./run-turn";

const KEEP_ALIVE_MS = 15_000;

export function chatEventText(event: ChatEvent): string {
  return sseEventText(event.type, JSON.stringify(event));
}

export function encodeChatEvent(event: ChatEvent): Uint8Array {
  return encodeSseEvent(event.type, JSON.stringify(event));
}

/**
 * Writes the turn's events to a node:http response. Events that arrive in the same tick
 * leave in one write (the socket is corked until the tick ends): under load that is one
 * system call for many events instead of one each. Events are small, so a slow reader is
 * not waited for: what it has not read yet waits in the socket's buffer. `closed` aborts
 * when the client goes away: every column stops and saves what arrived.
 */
export async function writeChatEvents(res: ServerResponse, stream: ChatStream, closed: AbortSignal): Promise<void> {
  if (closed.aborted) stream.stopAll();
  else closed.addEventListener("abort", stream.stopAll, { once: true });
  res.writeHead(200, SSE_HEADERS);
  const keepAlive = setInterval(() => res.write(sseCommentText("keep-alive")), KEEP_ALIVE_MS);
  let corked = false;
  const uncork = () => {
    corked = false;
    res.uncork();
  };
  try {
    await stream.run((event) => {
      if (closed.aborted) return;
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(uncork);
      }
      res.write(chatEventText(event));
    });
  } finally {
    clearInterval(keepAlive);
    closed.removeEventListener("abort", stream.stopAll);
    res.end();
  }
}
