import { describe, expect, it } from "vitest";
import { findEndpoint, getCatalogModel, listCatalogModels, listEndpointsForProvider } from "../../lib/catalog/lookup";
import { parseUsdPerToken } from "../../lib/catalog/price";

describe("catalog lookups", () => {
  it("lists every model", () => {
    const models = listCatalogModels();
    expect(models.length).toBeGreaterThanOrEqual(40);
    models.pop();
    expect(listCatalogModels().length).toBe(models.length + 1);
  });

  it("gets a model by canonical id, in any case", () => {
    expect(getCatalogModel("openai/gpt-4o-mini")?.name).toBe("OpenAI: GPT-4o-mini");
    expect(getCatalogModel("OpenAI/GPT-4o-Mini")?.id).toBe("openai/gpt-4o-mini");
    expect(getCatalogModel("openai/gpt-oss-20b:free")?.free).toBe(true);
    expect(getCatalogModel("nobody/nothing")).toBeUndefined();
  });

  it("finds an endpoint by exact provider and upstream id, with its price", () => {
    const hit = findEndpoint("openai", "gpt-4o-mini");
    expect(hit?.model.id).toBe("openai/gpt-4o-mini");
    expect(parseUsdPerToken(hit!.endpoint.prompt)).toBe(150_000n);
    expect(parseUsdPerToken(hit!.endpoint.completion)).toBe(600_000n);
    expect(findEndpoint("groq", "llama-3.3-70b-versatile")?.model.id).toBe("meta-llama/llama-3.3-70b-instruct");
    expect(findEndpoint("openrouter", "meta-llama/llama-3.3-70b-instruct")?.endpoint.provider).toBe("openrouter");
  });

  it("keeps providers apart: the same model has each provider's own price", () => {
    const groq = findEndpoint("groq", "llama-3.3-70b-versatile")!.endpoint;
    const together = findEndpoint("together", "meta-llama/Llama-3.3-70B-Instruct-Turbo")!.endpoint;
    expect(groq.prompt).not.toBe(together.prompt);
    expect(findEndpoint("groq", "gpt-4o-mini")).toBeUndefined();
  });

  it("ignores case", () => {
    expect(findEndpoint("together", "meta-llama/llama-3.3-70b-instruct-turbo")?.model.id).toBe("meta-llama/llama-3.3-70b-instruct");
    expect(findEndpoint("OpenAI", "GPT-4o")?.model.id).toBe("openai/gpt-4o");
  });

  it("tolerates a provider prefix such as Gemini's models/", () => {
    expect(findEndpoint("gemini", "models/gemini-2.5-flash")?.model.id).toBe("google/gemini-2.5-flash");
    expect(findEndpoint("fireworks", "llama-v3p3-70b-instruct")?.model.id).toBe("meta-llama/llama-3.3-70b-instruct");
    expect(findEndpoint("openai", "openai/gpt-4.1-nano")?.model.id).toBe("openai/gpt-4.1-nano");
  });

  it("tolerates dated snapshot suffixes", () => {
    expect(findEndpoint("openai", "gpt-4o-mini-2024-07-18")?.model.id).toBe("openai/gpt-4o-mini");
    expect(findEndpoint("openai", "o3-mini-2025-01-31")?.model.id).toBe("openai/o3-mini");
    expect(findEndpoint("openai", "gpt-4.1-20250414")?.model.id).toBe("openai/gpt-4.1");
    expect(findEndpoint("gemini", "models/gemini-2.5-flash-lite-09-2025")?.model.id).toBe("google/gemini-2.5-flash-lite");
  });

  it("strips dates from OpenRouter ids too, and leaves version numbers that are not dates alone", () => {
    expect(findEndpoint("openrouter", "openai/gpt-4o-2024-11-20")?.endpoint.upstreamId).toBe("openai/gpt-4o");
    expect(findEndpoint("openrouter", "moonshotai/kimi-k2-0905")?.model.id).toBe("moonshotai/kimi-k2-0905");
    expect(findEndpoint("openrouter", "moonshotai/kimi-k2-0711")).toBeUndefined();
  });

  it("answers undefined for unknown models", () => {
    expect(findEndpoint("openai", "gpt-9-ultra")).toBeUndefined();
    expect(findEndpoint("nowhere", "gpt-4o")).toBeUndefined();
    expect(findEndpoint("openai", "")).toBeUndefined();
  });

  it("lists a provider's endpoints", () => {
    const groq = listEndpointsForProvider("groq").map((e) => e.upstreamId);
    expect(groq).toContain("llama-3.3-70b-versatile");
    expect(groq).toContain("llama-3.1-8b-instant");
    expect(listEndpointsForProvider("openrouter").filter((e) => e.free).length).toBeGreaterThanOrEqual(3);
    expect(listEndpointsForProvider("deepseek").map((e) => e.upstreamId).sort()).toEqual(["deepseek-v4-flash", "deepseek-v4-pro"]);
    expect(listEndpointsForProvider("ollama")).toEqual([]);
  });
});
