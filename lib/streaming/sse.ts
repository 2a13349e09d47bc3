// Server-sent events: encoding one event, and decoding a byte stream that may split
// events anywhere across network reads. Comment lines (": keep-alive") are skipped.

const encoder = new TextEncoder();

export function sseEventText(event: string | null, data: string): string {
  const lines = data.includes("\n") ? data.split("\n").map((line) => `data: ${line}`).join("\n") : `data: ${data}`;
  return event ? `event: ${event}\n${lines}\n\n` : `${lines}\n\n`;
}

export function sseCommentText(text: string): string {
  return `: ${text}\n\n`;
}

export function encodeSseEvent(event: string | null, data: string): Uint8Array {
  return encoder.encode(sseEventText(event, data));
}

export function encodeSseComment(text: string): Uint8Array {
  return encoder.encode(sseCommentText(text));
}

export interface SseMessage {
  event: string | null;
  data: string;
}

/**
 * Incremental decoder: push text chunks, get complete messages back. Lines may end in \n,
 * \r\n or \r, and a chunk may end anywhere, even between \r and \n. This is the one SSE
 * decoder: upstream providers' streams and the browser's chat events both go through it,
 * so it works a whole event at a time (a provider's chunk is one `data:` line) rather than
 * a line at a time.
 */
export class SseDecoder {
  private buffer = "";

  push(chunk: string): SseMessage[] {
    const out: SseMessage[] = [];
    this.feed(chunk, (message) => out.push(message));
    return out;
  }

  /** Hands each complete message to `onMessage` as it is decoded. */
  feed(chunk: string, onMessage: (message: SseMessage) => void): void {
    let buffer = this.buffer + chunk;
    let held = "";
    if (buffer.includes("\r")) {
      // A trailing \r waits: it may be the first half of \r\n.
      if (buffer.endsWith("\r")) {
        held = "\r";
        buffer = buffer.slice(0, -1);
      }
      buffer = buffer.replace(/\r\n?/g, "\n");
    }
    let start = 0;
    for (;;) {
      const end = buffer.indexOf("\n\n", start);
      if (end === -1) break;
      const message = parseBlock(buffer.slice(start, end));
      if (message) onMessage(message);
      start = end + 2;
    }
    this.buffer = (start === 0 ? buffer : buffer.slice(start)) + held;
  }

  /** A stream that ends without a final blank line still delivers its last event. */
  flush(): SseMessage[] {
    const rest = this.buffer.replace(/\r$/, "").replace(/\r\n?/g, "\n");
    this.buffer = "";
    const message = rest ? parseBlock(rest) : null;
    return message ? [message] : [];
  }
}

/** One event's lines (without the blank line that ended it); null when it has no fields. */
function parseBlock(block: string): SseMessage | null {
  // The common case, one data line, without splitting.
  if (block.startsWith("data: ") && !block.includes("\n")) return { event: null, data: block.slice(6) };
  let event: string | null = null;
  const data: string[] = [];
  let sawField = false;
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") {
      event = value;
      sawField = true;
    } else if (field === "data") {
      data.push(value);
      sawField = true;
    }
  }
  return sawField ? { event, data: data.join("\n") } : null;
}

/** Reads a fetch body as SSE messages. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new SseDecoder();
  const text = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* decoder.push(text.decode(value, { stream: true }));
    }
    yield* decoder.push(text.decode());
    yield* decoder.flush();
  } finally {
    reader.releaseLock();
  }
}
