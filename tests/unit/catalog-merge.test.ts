// Merging refreshed model lists into the bundled snapshot: OpenRouter's full entries and other providers' ids.
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/openrouter-models.json";
import { findEndpointIn, getModelIn } from "../../lib/catalog/catalog-index";
import { mergeCatalog, toProviderModelList } from "../../lib/catalog/merge-catalog";
import { parseUsdPerToken } from "../../lib/catalog/price";
import { CATALOG_SNAPSHOT } from "../../lib/catalog/snapshot";

const fetchedAt = new Date("2026-08-10T12:00:00Z");
const openRouterList = () => toProviderModelList("openrouter", fixture.data, fetchedAt);

describe("an OpenRouter models response", () => {
  it("becomes catalog models with exact prices (cache reads and writes too), limits and capabilities", () => {
    const list = openRouterList();
    expect(list.ids).toHaveLength(6);
    const nova = list.models!.find((m) => m.id === "acme/nova-2-pro")!;
    expect(nova).toMatchObject({
      name: "Acme: Nova 2 Pro",
      contextLength: 262144,
      maxOutputTokens: 65536,
      free: false,
      capabilities: { tools: true, vision: true, reasoning: true, streaming: true, systemRole: true },
    });
    expect(nova.endpoints).toEqual([
      {
        provider: "openrouter",
        upstreamId: "acme/nova-2-pro",
        prompt: "0.0000008",
        completion: "0.0000032",
        cachedPrompt: "0.0000002",
        cacheWrite: "0.000001",
        reasoning: "0.0000045",
        contextLength: 262144,
        maxOutputTokens: 65536,
        free: false,
      },
    ]);
  });

  it("marks zero-priced and :free entries free, and leaves out reasoning priced as \"0\"", () => {
    const list = openRouterList();
    const lite = list.models!.find((m) => m.id === "acme/nova-2-lite:free")!;
    expect(lite.free).toBe(true);
    expect(lite.maxOutputTokens).toBeNull();
    expect(lite.capabilities.tools).toBe(false);
    expect(lite.capabilities.vision).toBe(false);
    expect(list.models!.find((m) => m.id === "openai/gpt-4o-mini")!.endpoints[0].reasoning).toBeUndefined();
  });

  it("does not price the auto router's \"-1\"", () => {
    const merged = mergeCatalog(CATALOG_SNAPSHOT, [openRouterList()]);
    expect(findEndpointIn(merged.index, "openrouter", "openrouter/auto")).toBeUndefined();
    expect(merged.unpriced).toEqual([{ provider: "openrouter", upstreamId: "openrouter/auto" }]);
  });

  it("updates snapshot prices on OpenRouter and leaves other providers' prices alone", () => {
    const merged = mergeCatalog(CATALOG_SNAPSHOT, [openRouterList()]);
    const viaOpenRouter = findEndpointIn(merged.index, "openrouter", "openai/gpt-4o-mini")!;
    expect(parseUsdPerToken(viaOpenRouter.endpoint.prompt)).toBe(120_000n);
    expect(viaOpenRouter.endpoint.cachedPrompt).toBe("0.00000006");
    expect(findEndpointIn(merged.index, "openai", "gpt-4o-mini")!.endpoint.prompt).toBe("0.00000015");
    const model = getModelIn(merged.index, "openai/gpt-4o-mini")!;
    expect(model.endpoints.filter((e) => e.provider === "openrouter")).toHaveLength(1);
    expect(model.endpoints.some((e) => e.provider === "openai")).toBe(true);
    // Fireworks still serves DeepSeek V3.2 at its own price after OpenRouter's entry moved.
    expect(findEndpointIn(merged.index, "fireworks", "accounts/fireworks/models/deepseek-v3p2")!.endpoint.prompt).toBe("0.00000056");
    expect(findEndpointIn(merged.index, "openrouter", "deepseek/deepseek-v3.2")!.endpoint.prompt).toBe("0.00000028");
  });

  it("adds models the snapshot does not know, and keeps every snapshot model", () => {
    const merged = mergeCatalog(CATALOG_SNAPSHOT, [openRouterList()]);
    expect(merged.models).toHaveLength(CATALOG_SNAPSHOT.models.length + 2);
    expect(getModelIn(merged.index, "acme/nova-2-pro")?.name).toBe("Acme: Nova 2 Pro");
    expect(getModelIn(merged.index, "google/gemini-2.5-flash")).toBeDefined();
    // The snapshot itself is never mutated: a later merge starts from the bundled facts again.
    expect(CATALOG_SNAPSHOT.models.find((m) => m.id === "openai/gpt-4o-mini")!.endpoints.find((e) => e.provider === "openrouter")!.prompt).toBe("0.00000015");
  });
});

describe("an id-only models response", () => {
  const groq = toProviderModelList("groq", [{ id: "llama-3.3-70b-versatile", object: "model" }, { id: "llama-3.1-8b-instant" }, { id: "whisper-large-v3" }, { id: "" }, { nope: 1 }], fetchedAt);

  it("keeps the ids and no prices", () => {
    expect(groq.ids).toEqual(["llama-3.3-70b-versatile", "llama-3.1-8b-instant", "whisper-large-v3"]);
    expect(groq.models).toBeNull();
  });

  it("matches known ids to the snapshot and keeps the rest as price unknown", () => {
    const merged = mergeCatalog(CATALOG_SNAPSHOT, [groq]);
    expect(findEndpointIn(merged.index, "groq", "llama-3.3-70b-versatile")?.model.id).toBe("meta-llama/llama-3.3-70b-instruct");
    expect(merged.unpriced).toEqual([{ provider: "groq", upstreamId: "whisper-large-v3" }]);
    expect(findEndpointIn(merged.index, "groq", "whisper-large-v3")).toBeUndefined();
    expect(merged.models).toHaveLength(CATALOG_SNAPSHOT.models.length);
  });

  it("matches dated and prefixed ids the way lookups do", () => {
    const openai = toProviderModelList("openai", [{ id: "gpt-4o-mini-2024-07-18" }, { id: "ft:gpt-4o-mini:acme::abc" }], fetchedAt);
    const merged = mergeCatalog(CATALOG_SNAPSHOT, [openai]);
    expect(merged.unpriced).toEqual([{ provider: "openai", upstreamId: "ft:gpt-4o-mini:acme::abc" }]);
  });
});
