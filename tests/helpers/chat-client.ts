// Calls a chatroom route handler and collects its SSE events, as the browser does.
import { readSse } from "@/lib/streaming/sse";
import type { ChatEvent } from "@/lib/streaming/events";

export function jsonRequest(url: string, body: unknown, init: RequestInit = {}): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
}

export async function collectEvents(response: Response, onEvent?: (event: ChatEvent) => void): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const message of readSse(response.body!)) {
    const event = JSON.parse(message.data) as ChatEvent;
    events.push(event);
    onEvent?.(event);
  }
  return events;
}

export function endsOf(events: ChatEvent[]) {
  return events.filter((e): e is Extract<ChatEvent, { type: "column-end" | "column-error" }> => e.type === "column-end" || e.type === "column-error");
}

export function textOf(events: ChatEvent[], columnId: string): string {
  return events.filter((e): e is Extract<ChatEvent, { type: "text" }> => e.type === "text" && e.columnId === columnId).map((e) => e.text).join("");
}
