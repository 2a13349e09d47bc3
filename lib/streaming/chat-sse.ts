// Encodes the chatroom's multiplexed events as one SSE response: as a Web Response (Next's
// route files) or written straight to a node:http response (the app server's lean route).
import type { ServerResponse } from "node:http";
import type { ChatStream } from "../chat/run-turn";
import type { ChatEvent } from "./events";
import { encodeSseComment, encodeSseEvent, sseCommentText, sseEventText } from "./sse";

export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Reverse proxies (nginx) must pass each event through at once.
  "X-Accel-Buffering": "no",
};

const KEEP_ALIVE_MS = 15_000;

export function chatEventText(event: ChatEvent): string {
  return sseEventText(event.type, JSON.stringify(event));
}

export function encodeChatEvent(event: ChatEvent): Uint8Array {
  return encodeSseEvent(event.type, JSON.stringify(event));
}

/** A Response streaming the turn's events; the reader cancelling stops every column. */
export function chatEventResponse(stream: ChatStream): Response {
  let keepAlive: NodeJS.Timeout | undefined;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: Uint8Array) => {
        if (open) controller.enqueue(bytes);
      };
      keepAlive = setInterval(() => send(encodeSseComment("keep-alive")), KEEP_ALIVE_MS);
      stream
        .run((event) => send(encodeChatEvent(event)))
        // Not expected (columns turn their failures into events), but never an unhandled rejection.
        .then(() => null, (error: unknown) => error ?? new Error("The turn failed"))
        .then((failure) => {
          clearInterval(keepAlive);
          if (open && failure) controller.error(failure);
          else if (open) controller.close();
          open = false;
        });
    },
    cancel() {
      open = false;
      clearInterval(keepAlive);
      stream.stopAll();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
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
