// Calls a chatroom route handler and collects its SSE events, as the browser does.
import { readSse } from "@/lib/streaming/sse";
import { appRequest, type TestUser } from "./auth";
import type { ChatEvent } from "@/lib/streaming/events";

/** A JSON POST as the current test user (tests/helpers/auth.ts), or `as` another one. */
export function jsonRequest(url: string, body: unknown, init: RequestInit & { as?: TestUser | null } = {}): Request {
  return appRequest(url, {
    method: "POST",
    ...init,
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
    body: typeof body === "string" ? body : JSON.stringify(body),
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
