import { describe, expect, it } from "vitest";
import { parseUsdPerToken } from "../../lib/catalog/price";
import { CATALOG_SNAPSHOT } from "../../lib/catalog/snapshot";

const PRESETS = ["openrouter", "openai", "gemini", "groq", "mistral", "deepseek", "together", "fireworks"];
const models = CATALOG_SNAPSHOT.models;
const endpoints = models.flatMap((model) => model.endpoints.map((endpoint) => ({ model, endpoint })));

describe("catalog snapshot", () => {
  it("says when and where its facts were taken", () => {
    expect(CATALOG_SNAPSHOT.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(CATALOG_SNAPSHOT.takenAt))).toBe(false);
    expect(CATALOG_SNAPSHOT.source).toContain("openrouter.ai/api/v1/models");
  });

  it("holds a useful number of models", () => {
    expect(models.length).toBeGreaterThanOrEqual(40);
    expect(models.length).toBeLessThanOrEqual(80);
  });

  it("has unique, lower-case author/slug ids", () => {
    const ids = models.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9.-]+(:free)?$/);
  });

  it("gives every model at least one endpoint, on a known provider, without duplicates", () => {
    for (const model of models) expect(model.endpoints.length, model.id).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const { endpoint } of endpoints) {
      expect(PRESETS).toContain(endpoint.provider);
      const k = `${endpoint.provider} ${endpoint.upstreamId.toLowerCase()}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  });

  it("covers every supported provider", () => {
    const providers = new Set(endpoints.map((e) => e.endpoint.provider));
    for (const preset of PRESETS) expect(providers.has(preset), preset).toBe(true);
  });

  it("publishes every price as whole picodollars", () => {
    for (const { model, endpoint } of endpoints) {
      for (const price of [endpoint.prompt, endpoint.completion, endpoint.cachedPrompt, endpoint.cacheWrite, endpoint.reasoning]) {
        if (price === undefined) continue;
        // At most 12 decimals means parsing needed no rounding; parse must also accept it.
        expect(price, `${model.id} on ${endpoint.provider}`).toMatch(/^\d+(\.\d{1,12})?$/);
        expect(parseUsdPerToken(price)).toBeGreaterThanOrEqual(0n);
      }
    }
  });

  it("marks free exactly where the price is zero and the id says so", () => {
    for (const { model, endpoint } of endpoints) {
      const zero = parseUsdPerToken(endpoint.prompt) === 0n && parseUsdPerToken(endpoint.completion) === 0n;
      expect(endpoint.free, `${model.id} on ${endpoint.provider}`).toBe(zero);
    }
    for (const model of models) {
      expect(model.free, model.id).toBe(model.id.endsWith(":free"));
      expect(model.free, model.id).toBe(model.endpoints.every((e) => e.free));
    }
  });

  it("has sane limits", () => {
    for (const model of models) expect(model.contextLength).toBeGreaterThan(0);
    for (const { endpoint } of endpoints) {
      expect(Number.isInteger(endpoint.contextLength) && endpoint.contextLength > 0).toBe(true);
      if (endpoint.maxOutputTokens !== null) expect(endpoint.maxOutputTokens).toBeGreaterThan(0);
    }
  });

  it("lists OpenAI and Gemini models on OpenRouter too, under OpenRouter's id", () => {
    for (const model of models) {
      const direct = model.endpoints.some((e) => e.provider === "openai" || e.provider === "gemini");
      if (!direct) continue;
      expect(model.endpoints.find((e) => e.provider === "openrouter")?.upstreamId, model.id).toBe(model.id);
    }
  });

  it("keeps one model for an open model served by several providers", () => {
    const llama = models.filter((m) => m.id === "meta-llama/llama-3.3-70b-instruct");
    expect(llama).toHaveLength(1);
    const where = Object.fromEntries(llama[0].endpoints.map((e) => [e.provider, e.upstreamId]));
    expect(where).toMatchObject({
      openrouter: "meta-llama/llama-3.3-70b-instruct",
      groq: "llama-3.3-70b-versatile",
      together: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    });
  });

  it("includes the models the app relies on", () => {
    const ids = new Set(models.map((m) => m.id));
    for (const id of ["openai/gpt-4o", "openai/gpt-4o-mini", "openai/gpt-4.1", "openai/gpt-4.1-mini", "openai/gpt-4.1-nano",
      "openai/o3-mini", "openai/o4-mini", "google/gemini-2.5-flash", "google/gemini-2.5-pro", "deepseek/deepseek-v4-flash"]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(models.filter((m) => m.free).length).toBeGreaterThanOrEqual(3);
  });
});
