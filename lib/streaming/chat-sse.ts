// Encodes the chatroom's multiplexed events as one SSE response.
import type { ChatEvent } from "./events";
import { encodeSseComment, encodeSseEvent } from "./sse";

export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // Reverse proxies (nginx) must pass each event through at once.
  "X-Accel-Buffering": "no",
};

const KEEP_ALIVE_MS = 15_000;

export function encodeChatEvent(event: ChatEvent): Uint8Array {
  return encodeSseEvent(event.type, JSON.stringify(event));
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
