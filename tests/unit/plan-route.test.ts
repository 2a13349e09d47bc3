// Routing: candidates filtered by what the request needs and the caller's preferences, then ordered.
import { beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";

async function load(env: Record<string, string>) {
  for (const key of Object.keys(process.env)) if (/_API_KEY$|_BASE_URL$/.test(key)) delete process.env[key];
  Object.assign(process.env, { SANDBOX_ENABLED: "true", CATALOG_REFRESH_HOURS: "0", DATABASE_URL: "file::memory:", ...env });
  resetEnvCache();
  const { planRoute } = await import("@/lib/router/plan-route");
  const health = await import("@/lib/router/health");
  health.resetHealth();
  return { planRoute, health };
}

const LLAMA = "meta-llama/llama-3.3-70b-instruct";
const providers = { GROQ_API_KEY: "x", TOGETHER_API_KEY: "x", FIREWORKS_API_KEY: "x" };

describe("planRoute", () => {
  beforeEach(() => resetEnvCache());

  it("offers every configured provider of a catalog model, cheapest first by default", async () => {
    const { planRoute } = await load(providers);
    const plan = planRoute([LLAMA]);
    expect(plan.map((c) => c.provider.id).sort()).toEqual(["fireworks", "groq", "together"]);
    const prices = plan.map((c) => c.price.prompt + c.price.completion);
    expect([...prices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(prices);
  });

  it("honours order, only, ignore and allow_fallbacks", async () => {
    const { planRoute } = await load(providers);
    expect(planRoute([LLAMA], { order: ["together", "groq"] }).map((c) => c.provider.id).slice(0, 2)).toEqual(["together", "groq"]);
    expect(planRoute([LLAMA], { only: ["groq"] }).map((c) => c.provider.id)).toEqual(["groq"]);
    expect(planRoute([LLAMA], { ignore: ["groq"] }).map((c) => c.provider.id)).not.toContain("groq");
    expect(planRoute([LLAMA], { allow_fallbacks: false })).toHaveLength(1);
  });

  it("filters by max_price and answers 503 when nothing is left", async () => {
    const { planRoute } = await load(providers);
    expect(() => planRoute([LLAMA], { max_price: { prompt: 0.0001 } })).toThrow(/No provider is available/);
  });

  it("puts a provider cooling down after repeated failures last", async () => {
    const { planRoute, health } = await load(providers);
    const first = planRoute([LLAMA])[0].provider.id;
    for (let i = 0; i < health.FAILURES_BEFORE_COOLDOWN; i++) health.recordFailure(first, "x", "boom");
    expect(planRoute([LLAMA]).at(-1)!.provider.id).toBe(first);
  });

  it("pins <provider>/<model>, follows `models` in order, and 404s unknown models", async () => {
    const { planRoute } = await load(providers);
    expect(planRoute(["groq/llama-3.3-70b-versatile"]).map((c) => c.provider.id)).toEqual(["groq"]);
    const plan = planRoute(["sandbox/swift-mini", "sandbox/atlas-large"]);
    expect(plan.map((c) => c.upstreamModel)).toEqual(["swift-mini", "atlas-large"]);
    expect(() => planRoute(["nobody/nothing"])).toThrow(/Unknown provider|Unknown model/);
  });

  it("routes requests with tools only to tool-capable endpoints", async () => {
    const { planRoute } = await load(providers);
    expect(() => planRoute(["sandbox/swift-mini"], {}, { tools: true, parameters: ["tools"] })).toThrow(/tool/);
    expect(planRoute(["sandbox/nimbus-tools"], {}, { tools: true, parameters: ["tools"] })).toHaveLength(1);
  });

  it(":floor sorts by price and :nitro by observed throughput", async () => {
    const { planRoute, health } = await load(providers);
    const floor = planRoute([`${LLAMA}:floor`]);
    expect(floor[0].price.prompt + floor[0].price.completion <= floor[1].price.prompt + floor[1].price.completion).toBe(true);
    health.recordSuccess("fireworks", planRoute([LLAMA], { only: ["fireworks"] })[0].upstreamModel, { ttftMs: 100, completionTokens: 1000, streamMs: 1000 });
    expect(planRoute([`${LLAMA}:nitro`])[0].provider.id).toBe("fireworks");
  });
});
