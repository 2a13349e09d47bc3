// Encodes the chatroom's multiplexed events as one SSE response: as a Web Response (Next's
// route files) or written straight to a node:http response (the app server's lean route).
import type { ServerResponse } from "node:http";
import type { ChatEvent } from "./events";
import { encodeSseComment, sseCommentText, sseEventText } from "./sse";

export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Reverse proxies (nginx) must pass each event through at once.
  "X-Accel-Buffering": "no",
};

const KEEP_ALIVE_MS = 15_000;
const encoder = new TextEncoder();

export function chatEventText(event: ChatEvent): string {
  return sseEventText(event.type, JSON.stringify(event));
}

export function encodeChatEvent(event: ChatEvent): Uint8Array {
  return encoder.encode(chatEventText(event));
}

/** A Response streaming `events`; `onCancel` runs when the client goes away. */
export function chatEventResponse(events: AsyncGenerator<ChatEvent>, onCancel: () => void): Response {
  let keepAlive: NodeJS.Timeout | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      keepAlive = setInterval(() => {
        try {
          controller.enqueue(encodeSseComment("keep-alive"));
        } catch {
          clearInterval(keepAlive);
        }
      }, KEEP_ALIVE_MS);
    },
    async pull(controller) {
      const next = await events.next();
      if (next.done) {
        clearInterval(keepAlive);
        controller.close();
        return;
      }
      controller.enqueue(encodeChatEvent(next.value));
    },
    async cancel() {
      clearInterval(keepAlive);
      onCancel();
      await events.return(undefined);
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}

/**
 * Writes `events` to a node:http response. Events that arrive in the same tick leave in one
 * write (the socket is corked until the tick ends): under load that is one system call for
 * many events instead of one each. `closed` aborts when the client goes away: `onCancel`
 * runs and the columns' remaining events are only drained.
 */
export async function writeChatEvents(res: ServerResponse, events: AsyncGenerator<ChatEvent>, onCancel: () => void, closed: AbortSignal): Promise<void> {
  if (closed.aborted) onCancel();
  else closed.addEventListener("abort", onCancel, { once: true });
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  const keepAlive = setInterval(() => res.write(sseCommentText("keep-alive")), KEEP_ALIVE_MS);
  let corked = false;
  const uncork = () => {
    corked = false;
    res.uncork();
  };
  try {
    for await (const event of events) {
      if (closed.aborted) continue;
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(uncork);
      }
      if (!res.write(chatEventText(event))) await drained(res, closed);
    }
  } finally {
    clearInterval(keepAlive);
    closed.removeEventListener("abort", onCancel);
    res.end();
  }
}

function drained(res: ServerResponse, closed: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      closed.removeEventListener("abort", done);
      resolve();
    };
    res.once("drain", done);
    closed.addEventListener("abort", done, { once: true });
  });
}
