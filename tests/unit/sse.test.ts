import { describe, expect, it } from "vitest";
import { SseDecoder, encodeSseComment, encodeSseEvent, readSse } from "@/lib/streaming/sse";
import { encodeChatEvent } from "@/lib/chat/chat-sse";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("SSE encoder", () => {
  it("writes event name and data lines, multi-line data split into data fields", () => {
    expect(text(encodeSseEvent("text", '{"a":1}'))).toBe('event: text\ndata: {"a":1}\n\n');
    expect(text(encodeSseEvent(null, "x\ny"))).toBe("data: x\ndata: y\n\n");
    expect(text(encodeSseComment("keep-alive"))).toBe(": keep-alive\n\n");
  });

  it("round-trips a chat event through the decoder", () => {
    const decoder = new SseDecoder();
    const [message] = decoder.push(text(encodeChatEvent({ type: "text", columnId: "c1", text: "hi\nthere" })));
    expect(message.event).toBe("text");
    expect(JSON.parse(message.data)).toEqual({ type: "text", columnId: "c1", text: "hi\nthere" });
  });
});

describe("SSE decoder", () => {
  const wire = ': ping\n\nevent: a\ndata: 1\n\ndata: {"x":\ndata: 2}\n\r\nevent: b\r\ndata: 3\r\n\r\n';

  it("survives events split at every possible byte boundary", () => {
    for (let cut = 0; cut <= wire.length; cut++) {
      const decoder = new SseDecoder();
      const messages = [...decoder.push(wire.slice(0, cut)), ...decoder.push(wire.slice(cut)), ...decoder.flush()];
      expect(messages).toEqual([
        { event: "a", data: "1" },
        { event: null, data: '{"x":\n2}' },
        { event: "b", data: "3" },
      ]);
    }
  });

  it("skips comment and keep-alive lines, and delivers a last event without a blank line", () => {
    const decoder = new SseDecoder();
    expect(decoder.push(": keep-alive\n\n: another\n\n")).toEqual([]);
    expect(decoder.push("data: [DONE]")).toEqual([]);
    expect(decoder.flush()).toEqual([{ event: null, data: "[DONE]" }]);
  });

  it("reads a byte stream split inside multi-byte characters", async () => {
    const bytes = new TextEncoder().encode("data: héllo 🌍\n\n");
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const b of bytes) c.enqueue(new Uint8Array([b]));
        c.close();
      },
    });
    const out = [];
    for await (const m of readSse(body)) out.push(m);
    expect(out).toEqual([{ event: null, data: "héllo 🌍" }]);
  });
});
