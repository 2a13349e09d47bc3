// Opens one of the chatroom's SSE routes (/api/chat, /api/chat/regenerate) and hands each
// decoded ChatEvent to `onEvent`. Errors before streaming arrive as JSON and are thrown.
import type { ChatEvent } from "@/lib/streaming/events";
import { readSse } from "@/lib/streaming/sse";
import { jsonWriteHeaders } from "@/lib/http/csrf-client";
import { errorFromResponse } from "./api";

export async function streamChatEvents(url: string, body: unknown, signal: AbortSignal, onEvent: (event: ChatEvent) => void): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { ...jsonWriteHeaders(), accept: "text/event-stream" },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await errorFromResponse(response);
  if (!response.body) throw new Error("The server sent no stream");
  for await (const message of readSse(response.body)) {
    let event: ChatEvent;
    try {
      event = JSON.parse(message.data) as ChatEvent;
    } catch {
      continue; // A malformed line must not end every column.
    }
    onEvent(event);
  }
}
