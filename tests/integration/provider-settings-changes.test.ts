// A provider's key or base URL saved in Settings makes the layers above lib/providers forget
// what they learned from the old settings: the router's health (a cool-down earned by failures
// on the lean server) and the catalog's refreshed list (only when the base URL changed). They
// subscribe to lib/providers/settings-changes.ts; this checks the subscriptions on the paths
// production serves: failures through the node server's /api/chat, changes through the
// Settings routes, what is left read back through the health and catalog status routes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogStatusResponse } from "@/lib/catalog/catalog-view-types";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { collectEvents } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import { viaServer } from "../helpers/app-server";

type Session = { token: string; csrf: string };

const saved = { ...process.env };
let dir: string;
let fake: FakeUpstream;
let other: FakeUpstream;
let admin: Session;
let routes: {
  credential: typeof import("@/app/api/providers/[id]/credential/route");
  custom: typeof import("@/app/api/providers/custom/route");
  health: typeof import("@/app/api/router/health/route");
  refresh: typeof import("@/app/api/catalog/refresh/route");
  status: typeof import("@/app/api/catalog/status/route");
};
let resetEnvCache: () => void;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-settings-changes-"));
  fake = await startFakeUpstream({ deltas: 2, gapMs: 1 });
  other = await startFakeUpstream({ deltas: 2, gapMs: 1 });
  for (const name of Object.keys(process.env)) if (/_API_KEY$|_BASE_URL$|^SECRET_KEY|^LOCAL_NO_LOGIN$/.test(name)) delete process.env[name];
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SECRET_KEY_FILE: path.join(dir, "secret.key"), CATALOG_REFRESH_HOURS: "0" });
  const env = await import("@/lib/env");
  resetEnvCache = env.resetEnvCache;
  resetEnvCache();
  // Only route modules: the subscribers must come with the code that serves requests.
  routes = {
    credential: await import("@/app/api/providers/[id]/credential/route"),
    custom: await import("@/app/api/providers/custom/route"),
    health: await import("@/app/api/router/health/route"),
    refresh: await import("@/app/api/catalog/refresh/route"),
    status: await import("@/app/api/catalog/status/route"),
  };
  const db = (await import("@/lib/db/client")).getDb();
  const { createSession } = await import("@/lib/auth/sessions");
  const user = await db.user.create({ data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" } });
  admin = await createSession(user.id);
});

afterAll(async () => {
  await fake?.close();
  await other?.close();
  process.env = saved;
  resetEnvCache?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(method: string, url: string, body?: unknown): Request {
  const headers: Record<string, string> = { "content-type": "application/json", cookie: `sy_session=${admin.token}` };
  if (method !== "GET") headers["x-csrf-token"] = admin.csrf;
  return new Request(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function saveCredential(id: string, body: unknown): Promise<void> {
  expect((await routes.credential.PUT(request("PUT", `/api/providers/${id}/credential`, body), params(id))).status).toBe(200);
}

async function healthOf(provider: string) {
  const res = await routes.health.GET(request("GET", "/api/router/health"));
  const { endpoints } = (await res.json()) as { endpoints: { provider: string; coolingDown: boolean; failures: number }[] };
  return endpoints.filter((e) => e.provider === provider);
}

async function catalogStatusOf(provider: string) {
  const res = await routes.status.GET(request("GET", "/api/catalog/status"));
  const status = (await res.json()) as CatalogStatusResponse;
  return status.providers.find((p) => p.provider === provider);
}

async function failingTurn(): Promise<void> {
  const res = await viaServer(request("POST", "/api/chat", { prompt: "Hello", columns: [{ modelId: "fakecorp/fake-model" }] }));
  expect(res.status).toBe(200);
  await collectEvents(res);
}

describe("saving a provider's settings", () => {
  it("ends the cool-down its failures earned on the node server", async () => {
    expect((await routes.custom.POST(request("POST", "/api/providers/custom", { name: "FakeCorp", baseUrl: fake.url, apiKey: "sk-fakecorp-first-key-0001" }))).status).toBe(201);
    fake.mode = "500";
    for (let i = 0; i < 3; i++) await failingTurn();
    expect(await healthOf("fakecorp")).toMatchObject([{ coolingDown: true, failures: 3 }]);

    await saveCredential("fakecorp", { apiKey: "sk-fakecorp-second-key-0002" });
    expect(await healthOf("fakecorp")).toEqual([]);
    fake.mode = "ok";
  });

  it("keeps the refreshed model list for a new key, and forgets it for a new base URL", async () => {
    expect((await routes.refresh.POST(request("POST", "/api/catalog/refresh"))).status).toBe(200);
    const refreshed = await catalogStatusOf("fakecorp");
    expect(refreshed).toMatchObject({ modelCount: 1, lastError: null });
    expect(refreshed?.lastSuccessAt).not.toBeNull();

    await saveCredential("fakecorp", { apiKey: "sk-fakecorp-third-key-0003" });
    expect(await catalogStatusOf("fakecorp")).toMatchObject({ modelCount: 1, lastSuccessAt: refreshed!.lastSuccessAt });

    await saveCredential("fakecorp", { baseUrl: other.url });
    expect(await catalogStatusOf("fakecorp")).toMatchObject({ modelCount: 0, lastSuccessAt: null, lastAttemptAt: null });
  });
});
