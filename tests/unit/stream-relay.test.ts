import { describe, expect, it } from "vitest";
import { StreamRelay, errorChunk } from "@/lib/api-v1/stream-relay";
import { UpstreamError } from "@/lib/providers/upstream-error";

const enc = (s: string) => new TextEncoder().encode(s);
const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "chatcmpl-up", object: "chat.completion.chunk", created: 1, model: "up-model", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const usage = `data: ${JSON.stringify({ id: "chatcmpl-up", object: "chat.completion.chunk", created: 1, model: "up-model", choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } })}\n\n`;
// Usage arrives after finish_reason, a keep-alive comment sits in the middle, CRLF line ends too.
const wire = chunk({ role: "assistant", content: "" }) + ": OPENROUTER PROCESSING\n\n" + chunk({ content: "Hel" }) + chunk({ content: "lo é" }).replace(/\n/g, "\r\n") + chunk({}, "stop") + usage + "data: [DONE]\n\n";

function relay() {
  return new StreamRelay("gen-1", "vendor/model", "Fake", { prompt: 1_000_000n, completion: 1_000_000n });
}

describe("StreamRelay", () => {
  it("survives events split at every byte boundary and reads what accounting needs", () => {
    const bytes = enc(wire);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const r = relay();
      const out = r.push(bytes.slice(0, cut)) + r.push(bytes.slice(cut));
      expect(r.state.text).toBe("Hello é");
      expect(r.state.finishReason).toBe("stop");
      expect(r.state.usage).toMatchObject({ promptTokens: 5, completionTokens: 3 });
      expect(r.state.sawDone).toBe(true);
      expect(r.state.sentContent).toBe(true);
      // Ids and model are renamed; comments pass through; [DONE] is left for the router to send.
      expect(out).not.toContain("chatcmpl-up");
      expect(out).toContain('"id":"gen-1"');
      expect(out).toContain('"model":"vendor/model"');
      expect(out).toContain(": OPENROUTER PROCESSING");
      expect(out).not.toContain("[DONE]");
      const last = JSON.parse(out.trim().split("\n\n").at(-1)!.slice(6));
      expect(last.usage.cost).toBe(0.000008);
      expect(last.provider).toBe("Fake");
    }
  });

  it("passes ordinary chunks through byte for byte apart from the renamed id and model", () => {
    const r = relay();
    const one = chunk({ content: "x" });
    expect(r.push(enc(one))).toBe(one.replace("chatcmpl-up", "gen-1").replace('"model":"up-model"', '"model":"vendor/model"'));
  });

  it("does not count the role-only first chunk as a token", () => {
    const r = relay();
    r.push(enc(chunk({ role: "assistant", content: "" })));
    expect(r.state.sentContent).toBe(false);
    expect(r.state.firstTokenAt).toBeNull();
  });

  it("turns an OpenRouter-style error chunk into an UpstreamError", () => {
    const r = relay();
    expect(() => r.push(enc(`data: ${JSON.stringify({ error: { code: 502, message: "boom" }, choices: [] })}\n\n`))).toThrow(UpstreamError);
  });

  it("writes an error chunk the openai client understands", () => {
    const parsed = JSON.parse(errorChunk("gen-2", "m", "broke", 502).slice(6));
    expect(parsed).toMatchObject({ id: "gen-2", object: "chat.completion.chunk", choices: [{ finish_reason: "error" }], error: { code: 502, message: "broke" } });
  });
});
