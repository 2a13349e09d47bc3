// Server-sent events: encoding one event, and decoding a byte stream that may split
// events anywhere across network reads. Comment lines (": keep-alive") are skipped.

const encoder = new TextEncoder();

export function encodeSseEvent(event: string | null, data: string): Uint8Array {
  const lines = data.split("\n").map((line) => `data: ${line}`).join("\n");
  return encoder.encode(event ? `event: ${event}\n${lines}\n\n` : `${lines}\n\n`);
}

export function encodeSseComment(text: string): Uint8Array {
  return encoder.encode(`: ${text}\n\n`);
}

export interface SseMessage {
  event: string | null;
  data: string;
}

/** Incremental decoder: push text chunks, get complete messages back. */
export class SseDecoder {
  private buffer = "";

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    // Events end at a blank line; accept \n\n, \r\n\r\n and \r\r.
    for (;;) {
      const match = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer);
      if (!match) break;
      const block = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = parseBlock(block);
      if (message) out.push(message);
    }
    return out;
  }

  /** A stream that ends without a final blank line still delivers its last event. */
  flush(): SseMessage[] {
    const rest = this.buffer;
    this.buffer = "";
    const message = rest.trim() ? parseBlock(rest) : null;
    return message ? [message] : [];
  }
}

function parseBlock(block: string): SseMessage | null {
  let event: string | null = null;
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0 && event === null) return null;
  return { event, data: data.join("\n") };
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
