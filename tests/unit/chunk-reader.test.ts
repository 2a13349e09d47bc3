// The one reader of provider streams, over each provider family's stream split at every byte:
// the same chunks, text, reasoning, tool calls and usage wherever the network cuts it.
import { describe, expect, it } from "vitest";
import { ChunkReader, type ChunkView } from "@/lib/providers/chunk-reader";
import { PROVIDER_PRESETS, CUSTOM_PROVIDER_QUIRKS } from "@/lib/providers/presets";
import { UpstreamError } from "@/lib/providers/upstream-error";
import { fixtureBytes, FIXTURES, type FixtureName } from "../helpers/provider-fixtures";

const quirksOf = (name: FixtureName) => (PROVIDER_PRESETS.find((p) => name.startsWith(p.id))?.quirks ?? CUSTOM_PROVIDER_QUIRKS).response;

function read(name: FixtureName, parts: Uint8Array[]) {
  const views: ChunkView[] = [];
  const reader = new ChunkReader(quirksOf(name), name, (view) => views.push(view));
  let error: unknown = null;
  try {
    for (const part of parts) reader.push(part);
    reader.end();
  } catch (e) {
    error = e;
  }
  return {
    error,
    done: reader.done,
    text: views.map((v) => v.text).join(""),
    reasoning: views.map((v) => v.reasoning).join(""),
    toolCalls: views.flatMap((v) => v.toolCalls ?? []),
    finish: views.map((v) => v.finishReason).filter(Boolean),
    usage: views.map((v) => v.usage).filter(Boolean).at(-1) ?? null,
    data: views.map((v) => v.data),
  };
}

const ANSWER = "Bonjour ! Voici un café ☕ et `code`.\n\n| a | b |";

describe("ChunkReader over every provider family", () => {
  it.each(FIXTURES)("%s: identical at every split point", (name) => {
    const bytes = new Uint8Array(fixtureBytes(name));
    const whole = read(name, [bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(read(name, [bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    }
    // One byte at a time: every split at once.
    expect(read(name, Array.from(bytes, (b) => new Uint8Array([b])))).toEqual(whole);
  });

  it("reads what each provider reports, where its quirks say it is", () => {
    expect(read("openai", [fixtureBytes("openai")])).toMatchObject({ text: ANSWER, finish: ["stop"], done: true, usage: { promptTokens: 19, completionTokens: 13, cachedTokens: 0, reasoningTokens: 0 } });
    expect(read("openrouter", [fixtureBytes("openrouter")])).toMatchObject({
      text: ANSWER,
      reasoning: "Thinking about French.",
      usage: { promptTokens: 24, completionTokens: 19, cachedTokens: 8, reasoningTokens: 6, upstreamCostPico: 15_000_000n },
    });
    // Gemini repeats its running usage on every chunk: the last one is the total.
    expect(read("gemini", [fixtureBytes("gemini")])).toMatchObject({ text: ANSWER, usage: { promptTokens: 9, completionTokens: 13 } });
    expect(read("groq", [fixtureBytes("groq")])).toMatchObject({ text: ANSWER, usage: { promptTokens: 41, completionTokens: 13 } });
    expect(read("ollama", [fixtureBytes("ollama")])).toMatchObject({ text: ANSWER, usage: null, finish: ["stop"] });
    expect(read("deepseek", [fixtureBytes("deepseek")])).toMatchObject({ text: ANSWER, reasoning: "The user greets in French.", usage: { promptTokens: 30, cachedTokens: 16, reasoningTokens: 8 } });
    const tool = read("python-spaced", [fixtureBytes("python-spaced")]);
    expect(tool.toolCalls.map((c) => c.function?.arguments ?? "").join("")).toBe('{"expression": "2+2"}');
    expect(tool.finish).toEqual(["tool_calls"]);
  });

  it("turns OpenRouter's error chunk into an upstream error after the tokens before it", () => {
    const result = read("openrouter-error", [fixtureBytes("openrouter-error")]);
    expect(result.text).toBe("Bonjour ! Voici un");
    expect(result.error).toBeInstanceOf(UpstreamError);
    expect((result.error as UpstreamError).message).toContain("upstream connection reset");
    expect((result.error as UpstreamError).status).toBe(502);
  });

  it("refuses a malformed event", () => {
    const reader = new ChunkReader(CUSTOM_PROVIDER_QUIRKS.response, "Broken", () => {});
    expect(() => reader.push(new TextEncoder().encode("data: {not json\n\n"))).toThrow("Broken sent a malformed stream event");
  });
});
