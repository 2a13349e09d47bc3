// Parameters and reasoning in the quirks normaliser, with the real presets table.
import { describe, expect, it } from "vitest";
import { PROVIDER_PRESETS } from "@/lib/providers/presets";
import { normaliseRequest } from "@/lib/providers/quirks/normalise-request";
import { target } from "./quirks-helpers";

const quirksOf = (id: string) => PROVIDER_PRESETS.find((p) => p.id === id)!.quirks;
const hi = [{ role: "user", content: "Hi" }];

describe("unsupported parameters", () => {
  it("drops temperature and top_p on OpenAI o-series models and says so", () => {
    const before = { model: "o3-mini", temperature: 0.2, top_p: 0.9, max_tokens: 50, messages: hi };
    const after = normaliseRequest(before, target({ quirks: quirksOf("openai"), upstreamModel: "o3-mini" }));
    expect(after.params).toEqual({ model: "o3-mini", max_tokens: 50, messages: hi });
    expect(after.dropped).toEqual(["temperature", "top_p"]);
  });

  it("keeps them on models that take them", () => {
    const after = normaliseRequest({ model: "gpt-4o", temperature: 0.2, messages: hi }, target({ quirks: quirksOf("openai"), upstreamModel: "gpt-4o" }));
    expect(after.params.temperature).toBe(0.2);
    expect(after.dropped).toEqual([]);
  });

  it("drops what the catalog says the endpoint does not support", () => {
    const after = normaliseRequest({ model: "m", seed: 7, temperature: 1, messages: hi }, target({ supportedParameters: ["temperature", "max_tokens"] }));
    expect(after.params).toEqual({ model: "m", temperature: 1, messages: hi });
    expect(after.dropped).toEqual(["seed"]);
  });

  it("refuses instead when provider.require_parameters is set", () => {
    const call = () => normaliseRequest({ model: "o3", temperature: 0.2, messages: hi }, target({ quirks: quirksOf("openai"), upstreamModel: "o3" }), { requireParameters: true });
    expect(call).toThrow(expect.objectContaining({ status: 400, code: "unsupported_parameter", param: "temperature" }));
  });
});

describe("reasoning", () => {
  it("becomes reasoning_effort on OpenAI reasoning models", () => {
    const after = normaliseRequest({ model: "o4-mini", reasoning: { effort: "high" }, messages: hi }, target({ quirks: quirksOf("openai"), upstreamModel: "o4-mini" }));
    expect(after.params).toEqual({ model: "o4-mini", reasoning_effort: "high", messages: hi });
    const budget = normaliseRequest({ model: "o4-mini", reasoning: { max_tokens: 1000 }, messages: hi }, target({ quirks: quirksOf("openai"), upstreamModel: "o4-mini" }));
    expect(budget.params.reasoning_effort).toBe("low");
  });

  it("passes through to OpenRouter as is", () => {
    const after = normaliseRequest({ model: "x/y", reasoning: { max_tokens: 2000 }, messages: hi }, target({ quirks: quirksOf("openrouter") }));
    expect(after.params.reasoning).toEqual({ max_tokens: 2000 });
    expect(after.dropped).toEqual([]);
  });

  it("is dropped (and reported) where the provider has no such parameter", () => {
    const after = normaliseRequest({ model: "llama", reasoning: { effort: "low" }, messages: hi }, target({ quirks: quirksOf("groq") }));
    expect(after.params).toEqual({ model: "llama", messages: hi });
    expect(after.dropped).toEqual(["reasoning"]);
  });
});
