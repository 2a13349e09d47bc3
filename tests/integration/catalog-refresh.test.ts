// Refreshing the catalog from fake OpenAI-compatible providers over real HTTP, through the route handlers.
import fs from "node:fs";
import { createTestDatabase } from "../helpers/test-db";
import { appRequest, signInAs } from "../helpers/auth";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "../fixtures/openrouter-models.json";
import type { CatalogResponse, CatalogStatusResponse } from "../../lib/catalog/catalog-view-types";

const saved = { ...process.env };
let server: http.Server;
let base: string;
let dir: string;
let requests: string[] = [];

async function load() {
  const env = await import("../../lib/env");
  const state = await import("../../lib/catalog/catalog-state");
  const lookup = await import("../../lib/catalog/lookup");
  const catalogRoute = await import("../../app/api/catalog/route");
  const statusRoute = await import("../../app/api/catalog/status/route");
  const refreshRoute = await import("../../app/api/catalog/refresh/route");
  return { env, state, lookup, catalogRoute, statusRoute, refreshRoute };
}

function configure(env: Record<string, string>, mods: Awaited<ReturnType<typeof load>>) {
  Object.assign(process.env, env);
  mods.env.resetEnvCache();
}

async function refresh(mods: Awaited<ReturnType<typeof load>>): Promise<CatalogStatusResponse> {
  const res = await mods.refreshRoute.POST(appRequest("/api/catalog/refresh", { method: "POST" }));
  expect(res.status).toBe(200);
  return res.json();
}

async function getCatalog(mods: Awaited<ReturnType<typeof load>>, query: string): Promise<Response> {
  return mods.catalogRoute.GET(appRequest(`http://app.test/api/catalog${query}`));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET") return send(405, { error: { message: "method" } });
    if (req.url === "/openrouter/v1/models") return send(200, fixture);
    if (req.url === "/groq/v1/models") return send(200, { object: "list", data: [{ id: "llama-3.3-70b-versatile", object: "model" }, { id: "whisper-large-v3", object: "model" }] });
    if (req.url === "/broken/v1/models") return send(500, { error: { message: "upstream exploded", type: "server_error" } });
    send(404, { error: { message: "not found" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const databaseUrl = createTestDatabase();
  for (const key of Object.keys(process.env)) if (/^(OPENAI|GEMINI|GROQ|MISTRAL|DEEPSEEK|TOGETHER|FIREWORKS|OLLAMA|LMSTUDIO|OPENROUTER|CUSTOM_PROVIDER)_/.test(key)) delete process.env[key];
  Object.assign(process.env, {
    OPENROUTER_API_KEY: "x",
    OPENROUTER_BASE_URL: `${base}/openrouter/v1`,
    GROQ_API_KEY: "g",
    GROQ_BASE_URL: `${base}/groq/v1`,
    SANDBOX_ENABLED: "true",
    DATABASE_URL: databaseUrl,
    CATALOG_REFRESH_HOURS: "0",
  });
  const mods = await load();
  mods.env.resetEnvCache();
  mods.state.resetCatalogState();
  // Beside the SQLite file, or in DATA_DIR with Postgres.
  dir = path.dirname((await import("../../lib/catalog/refresh-settings")).getCatalogCachePath()!);
  await signInAs();
});

afterAll(async () => {
  process.env = saved;
  const mods = await load();
  mods.env.resetEnvCache();
  mods.state.resetCatalogState();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("catalog refresh against fake providers", () => {
  it("merges OpenRouter's entries and matches Groq's ids, then serves them from GET /api/catalog", async () => {
    const mods = await load();
    const status = await refresh(mods);
    expect(requests).toEqual(expect.arrayContaining([`GET /openrouter/v1/models Bearer x`, `GET /groq/v1/models Bearer g`]));
    expect(status.providers.find((p) => p.provider === "openrouter")).toMatchObject({ modelCount: 6, lastError: null, unpricedCount: 1 });
    expect(status.providers.find((p) => p.provider === "groq")).toMatchObject({ modelCount: 2, lastError: null, unpricedCount: 1 });
    expect(mods.lookup.findEndpoint("openrouter", "openai/gpt-4o-mini")?.endpoint.prompt).toBe("0.00000012");

    const res = await getCatalog(mods, "?q=nova%202%20pro");
    expect(res.status).toBe(200);
    const body: CatalogResponse = await res.json();
    expect(body.models).toHaveLength(1);
    expect(body.models[0]).toMatchObject({
      id: "acme/nova-2-pro",
      inputPerMillion: "0.8",
      outputPerMillion: "3.2",
      cachedPerMillion: "0.2",
      contextLength: 262144,
      maxOutputTokens: 65536,
      pickerId: "openrouter/acme/nova-2-pro",
      capabilities: { tools: true, vision: true, reasoning: true },
    });

    const groq: CatalogResponse = await (await getCatalog(mods, "?provider=groq&sort=price-asc")).json();
    const whisper = groq.models.find((m) => m.id === "groq/whisper-large-v3");
    expect(whisper).toMatchObject({ priceKnown: false, inputPerMillion: null, pickerId: "groq/whisper-large-v3" });
    expect(groq.models.at(-1)?.id).toBe("groq/whisper-large-v3");
    const llama = groq.models.find((m) => m.id === "meta-llama/llama-3.3-70b-instruct")!;
    expect(llama.endpoints.find((e) => e.provider === "groq")?.pickerId).toBe("groq/llama-3.3-70b-versatile");
  });

  it("keeps the refreshed catalog across a restart through the cache file beside the database", async () => {
    const mods = await load();
    expect(fs.existsSync(path.join(dir, "catalog-cache.json"))).toBe(true);
    mods.state.resetCatalogState();
    expect(mods.lookup.getCatalogModel("acme/nova-2-pro")?.name).toBe("Acme: Nova 2 Pro");
    expect(mods.lookup.listUnpricedModels("groq")).toEqual([{ provider: "groq", upstreamId: "whisper-large-v3" }]);
    const status: CatalogStatusResponse = await (await mods.statusRoute.GET(appRequest("/api/catalog/status"))).json();
    expect(status.providers.find((p) => p.provider === "openrouter")?.lastSuccessAt).toMatch(/^\d{4}-/);
  });

  it("keeps the last good catalog when the provider answers 500, and says so in the status", async () => {
    const mods = await load();
    configure({ OPENROUTER_BASE_URL: `${base}/broken/v1` }, mods);
    const status = await refresh(mods);
    const openrouter = status.providers.find((p) => p.provider === "openrouter")!;
    expect(openrouter.lastError).toMatch(/500/);
    expect(openrouter.modelCount).toBe(6);
    expect(status.providers.find((p) => p.provider === "groq")?.lastError).toBeNull();
    expect(mods.lookup.findEndpoint("openrouter", "acme/nova-2-pro")?.endpoint.prompt).toBe("0.0000008");
    configure({ OPENROUTER_BASE_URL: `${base}/openrouter/v1` }, mods);
  });

  it("filters by free, tools, vision, context and exact max price, and lists the sandbox models", async () => {
    const mods = await load();
    const free: CatalogResponse = await (await getCatalog(mods, "?free=true")).json();
    expect(free.models.every((m) => m.free)).toBe(true);
    expect(free.models.map((m) => m.id)).toEqual(expect.arrayContaining(["sandbox/echo-free", "acme/nova-2-lite:free"]));
    const sandbox = free.models.find((m) => m.id === "sandbox/echo-free")!;
    expect(sandbox).toMatchObject({ simulated: true, pickerId: "sandbox/echo-free", inputPerMillion: "0" });

    const cheap: CatalogResponse = await (await getCatalog(mods, "?maxPrice=0.15&tools=true&vision=true&minContext=100000&sort=price-desc")).json();
    expect(cheap.models.length).toBeGreaterThan(0);
    for (const m of cheap.models) {
      expect(Number(m.inputPerMillion)).toBeLessThanOrEqual(0.15);
      expect(m.capabilities).toMatchObject({ tools: true, vision: true });
      expect(m.contextLength).toBeGreaterThanOrEqual(100000);
    }
    const prices = cheap.models.map((m) => Number(m.inputPerMillion));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(cheap.models.map((m) => m.id)).toContain("openai/gpt-4o-mini");
  });

  it("flags models no configured provider serves, with the variable that would enable one", async () => {
    const mods = await load();
    const body: CatalogResponse = await (await getCatalog(mods, "?provider=mistral")).json();
    // Devstral is listed on Mistral only, which this test leaves unconfigured.
    const devstral = body.models.find((m) => m.id === "mistralai/devstral-2512")!;
    expect(devstral.endpoints.map((e) => [e.provider, e.configured])).toEqual([["mistral", false]]);
    expect(devstral.pickerId).toBeNull();
    expect(devstral.enableHint).toBe("Set MISTRAL_API_KEY to call this model");
    // Served by a configured provider too: selectable through it.
    const codestral = body.models.find((m) => m.id === "mistralai/codestral-2508")!;
    expect(codestral.pickerId).toBe("openrouter/mistralai/codestral-2508");
  });

  it("answers bad parameters with 400 and a clear message", async () => {
    const mods = await load();
    const cases: [string, RegExp][] = [
      ["?minContext=lots", /minContext must be a whole number/],
      ["?maxPrice=-1", /maxPrice must be a price/],
      ["?sort=cheapest", /sort must be one of/],
      ["?free=maybe", /free must be true or false/],
      ["?provider=nowhere", /Unknown provider "nowhere"/],
    ];
    for (const [query, message] of cases) {
      const res = await getCatalog(mods, query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.message, query).toMatch(message);
    }
  });
});
