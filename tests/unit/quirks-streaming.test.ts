// Streaming in the quirks normaliser: usage requested where supported; models that cannot
// stream are called whole and their answer replayed as chunks.
import type { ChatCompletion } from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { PROVIDER_PRESETS } from "@/lib/providers/presets";
import { normaliseRequest } from "@/lib/providers/quirks/normalise-request";
import { completionToChunks } from "@/lib/providers/quirks/replay-stream";
import { standardQuirks, target } from "./quirks-helpers";

const hi = [{ role: "user", content: "Hi" }];

describe("streaming", () => {
  it("asks for usage in the stream where the provider accepts stream_options", () => {
    const after = normaliseRequest({ model: "m", stream: true, messages: hi }, target());
    expect(after.params).toEqual({ model: "m", stream: true, stream_options: { include_usage: true }, messages: hi });
    const mistral = normaliseRequest({ model: "m", stream: true, stream_options: { include_usage: true }, messages: hi }, target({ quirks: { ...standardQuirks, streamUsage: "always" } }));
    expect(mistral.params).toEqual({ model: "m", stream: true, messages: hi });
  });

  it("calls a model that cannot stream without streaming, marked for replay", () => {
    const openai = PROVIDER_PRESETS.find((p) => p.id === "openai")!.quirks;
    const after = normaliseRequest({ model: "o1-mini", stream: true, messages: [{ role: "system", content: "S" }, ...hi] }, target({ quirks: openai, upstreamModel: "o1-mini" }));
    expect(after.replay).toBe(true);
    expect(after.params).toEqual({ model: "o1-mini", stream: false, messages: [{ role: "user", content: "S\n\nHi" }] });
  });

  it("replays a whole answer as the chunks a stream would have sent", () => {
    const completion = {
      id: "c1",
      object: "chat.completion",
      created: 1,
      model: "o1-mini",
      choices: [{ index: 0, message: { role: "assistant", content: "Hello", refusal: null, reasoning: "Think" }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8, completion_tokens_details: { reasoning_tokens: 2 } },
    } as unknown as ChatCompletion;
    const chunks = completionToChunks(completion);
    expect(chunks.map((c) => c.choices[0]?.delta ?? null)).toEqual([{ role: "assistant", content: "" }, { reasoning: "Think" }, { content: "Hello" }, {}, null]);
    expect(chunks[3].choices[0].finish_reason).toBe("stop");
    expect(chunks.at(-1)!.usage).toEqual(completion.usage);
  });
});
