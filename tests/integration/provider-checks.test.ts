// A key saved in Settings is checked at once and the result shown (a wrong key is not
// "configured · N models"); the simulated models stay on until an admin switches them off,
// which is refused until a real provider has answered a check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { jsonRequest } from "../helpers/chat-client";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { createTestDatabase } from "../helpers/test-db";

const GOOD_KEY = "sk-fakecorp-the-right-key-Aa11";
const saved = { ...process.env };
let fake: FakeUpstream;
let openRouterLike: FakeUpstream;
let admin: TestUser;
let member: TestUser;
let routes: {
  providers: typeof import("@/app/api/providers/route");
  custom: typeof import("@/app/api/providers/custom/route");
  credential: typeof import("@/app/api/providers/[id]/credential/route");
  check: typeof import("@/app/api/providers/[id]/check/route");
  sandbox: typeof import("@/app/api/settings/sandbox/route");
  models: typeof import("@/app/api/models/route");
};

beforeAll(async () => {
  fake = await startFakeUpstream({ requireKey: GOOD_KEY });
  openRouterLike = await startFakeUpstream({ requireKey: GOOD_KEY, publicModels: true });
  for (const name of Object.keys(process.env)) if (/_API_KEY$|_BASE_URL$|^SANDBOX_ENABLED$|^CUSTOM_PROVIDER_/.test(name)) delete process.env[name];
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), CATALOG_REFRESH_HOURS: "0" });
  (await import("@/lib/env")).resetEnvCache();
  routes = {
    providers: await import("@/app/api/providers/route"),
    custom: await import("@/app/api/providers/custom/route"),
    credential: await import("@/app/api/providers/[id]/credential/route"),
    check: await import("@/app/api/providers/[id]/check/route"),
    sandbox: await import("@/app/api/settings/sandbox/route"),
    models: await import("@/app/api/models/route"),
  };
  member = await signInAs({ role: "member" });
  admin = await signInAs({ role: "admin" });
});

afterAll(async () => {
  await fake?.close();
  await openRouterLike?.close();
  process.env = saved;
  (await import("@/lib/env")).resetEnvCache();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const json = async (response: Response) => ({ status: response.status, body: await response.json() });
const providerOf = async (id: string): Promise<ProviderStatusDto | undefined> =>
  (await json(await routes.providers.GET(appRequest("/api/providers")))).body.providers.find((p: ProviderStatusDto) => p.id === id);
const setSandbox = async (mode: string, as: TestUser = admin) => json(await routes.sandbox.PUT(jsonRequest("/api/settings/sandbox", { mode }, { method: "PUT", as })));
const modelIds = async () => ((await json(await routes.models.GET(appRequest("/api/models")))).body.models as { id: string }[]).map((m) => m.id);

describe("a provider key saved in Settings", () => {
  it("is checked when saved: a wrong key shows as failed at once, not as configured with models", async () => {
    const added = await json(await routes.custom.POST(jsonRequest("/api/providers/custom", { name: "fakecorp", baseUrl: fake.url, apiKey: "sk-wrong-key-000000" })));
    expect(added.status).toBe(201);
    expect(added.body.check).toMatchObject({ id: "fakecorp", ok: false });
    expect(added.body.check.error).toMatch(/401|key/i);
    const listed = await providerOf("fakecorp");
    expect(listed?.lastCheck).toMatchObject({ ok: false, modelCount: null });
  });

  it("is checked on a key-only path where the model list is public (OpenRouter's GET /key)", async () => {
    const put = (apiKey: string) => routes.credential.PUT(jsonRequest("/api/providers/openrouter/credential", { apiKey, baseUrl: openRouterLike.url }, { method: "PUT" }), params("openrouter"));
    const wrong = await json(await put("sk-or-v1-not-a-real-key-0000"));
    expect(wrong.body.check).toMatchObject({ ok: false });
    const right = await json(await put(GOOD_KEY));
    expect(right.body.check).toMatchObject({ ok: true });
    await routes.credential.DELETE(appRequest("/api/providers/openrouter/credential", { method: "DELETE" }), params("openrouter"));
  });

  it("passes once the right key is saved, and the check shows the models it listed", async () => {
    const saved = await json(await routes.credential.PUT(jsonRequest("/api/providers/fakecorp/credential", { apiKey: GOOD_KEY }, { method: "PUT" }), params("fakecorp")));
    expect(saved.status).toBe(200);
    expect(saved.body.check).toMatchObject({ ok: true, modelCount: 1, error: null });
    expect((await providerOf("fakecorp"))?.lastCheck).toMatchObject({ ok: true, modelCount: 1 });
  });
});

describe("the simulated models", () => {
  it("stay on while a real provider is configured, and cannot be switched off before one answers", async () => {
    await json(await routes.credential.PUT(jsonRequest("/api/providers/fakecorp/credential", { apiKey: "sk-wrong-again-111111" }, { method: "PUT" }), params("fakecorp")));
    expect((await providerOf("sandbox"))?.configured).toBe(true);
    expect(await modelIds()).toContain("sandbox/swift-mini");
    const refused = await setSandbox("off");
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/No real provider has answered/);
    expect((await json(await routes.sandbox.GET(appRequest("/api/settings/sandbox")))).body).toMatchObject({ enabled: true, mode: "on", forcedByEnv: false, answering: [] });
  });

  it("are switched off by an admin once a real provider answers, and on again", async () => {
    await json(await routes.credential.PUT(jsonRequest("/api/providers/fakecorp/credential", { apiKey: GOOD_KEY }, { method: "PUT" }), params("fakecorp")));
    const off = await setSandbox("off");
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, mode: "off", answering: ["fakecorp"] });
    expect((await providerOf("sandbox"))?.configured).toBe(false);
    expect((await modelIds()).some((id) => id.startsWith("sandbox/"))).toBe(false);
    expect((await modelIds())).toContain("fakecorp/fake-model");

    expect((await setSandbox("on")).body).toMatchObject({ enabled: true, mode: "on" });
    expect(await modelIds()).toContain("sandbox/swift-mini");
  });

  it("is an admin's setting, validated", async () => {
    expect((await setSandbox("off", member)).status).toBe(403);
    const bad = await setSandbox("sometimes");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^mode: must be on or off$/);
  });
});
