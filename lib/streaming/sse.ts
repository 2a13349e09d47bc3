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

/** Incremental decoder: push text chunks, get complete messages back. Lines may end in
 * \n, \r\n or \r, and a chunk may end anywhere, even between \r and \n. */
export class SseDecoder {
  private buffer = "";
  private event: string | null = null;
  private data: string[] = [];
  private sawField = false;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let start = 0;
    for (;;) {
      const lf = this.buffer.indexOf("\n", start);
      const cr = this.buffer.indexOf("\r", start);
      if (lf === -1 && cr === -1) break;
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A lone \r at the end may be the first half of \r\n: wait for more.
        if (cr === this.buffer.length - 1) break;
        end = cr;
        next = this.buffer[cr + 1] === "\n" ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      const message = this.line(this.buffer.slice(start, end));
      if (message) out.push(message);
      start = next;
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** A stream that ends without a final blank line still delivers its last event. */
  flush(): SseMessage[] {
    const rest = this.buffer.replace(/\r$/, "");
    this.buffer = "";
    if (rest) this.line(rest);
    const message = this.line("");
    return message ? [message] : [];
  }

  private line(line: string): SseMessage | null {
    if (line === "") {
      if (!this.sawField) return null;
      const message = { event: this.event, data: this.data.join("\n") };
      this.event = null;
      this.data = [];
      this.sawField = false;
      return message;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") {
      this.event = value;
      this.sawField = true;
    } else if (field === "data") {
      this.data.push(value);
      this.sawField = true;
    }
    return null;
  }
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
