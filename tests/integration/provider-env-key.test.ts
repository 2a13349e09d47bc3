// A provider key from the environment is only ever sent to the base URL from the environment
// or the preset's own: a base URL an admin saves in Settings is used with a key saved in
// Settings, never with the operator's. Settings says which key and which base URL are in use.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { appRequest, signInAs, type TestUser } from "../helpers/auth";
import { jsonRequest } from "../helpers/chat-client";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { createTestDatabase } from "../helpers/test-db";

const ENV_KEY = "sk-operator-ENVIRONMENT-key-Ab12";
const SAVED_KEY = "sk-admin-SAVED-in-settings-Cd34";

const saved = { ...process.env };
let dir: string;
let fake: FakeUpstream;
let admin: TestUser;
let routes: {
  providers: typeof import("@/app/api/providers/route");
  check: typeof import("@/app/api/providers/[id]/check/route");
  credential: typeof import("@/app/api/providers/[id]/credential/route");
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-env-key-"));
  fake = await startFakeUpstream({ deltas: 2, gapMs: 1 });
  for (const name of Object.keys(process.env)) if (/_API_KEY$|_BASE_URL$|^SECRET_KEY|^OUTBOUND_ALLOW_HOSTS$/.test(name)) delete process.env[name];
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SECRET_KEY_FILE: path.join(dir, "secret.key"),
    CATALOG_REFRESH_HOURS: "0",
    // Ollama's default endpoint is this machine's port 11434, where nothing listens here.
    OLLAMA_API_KEY: ENV_KEY,
    TOGETHER_BASE_URL: fake.url,
  });
  (await import("@/lib/env")).resetEnvCache();
  routes = {
    providers: await import("@/app/api/providers/route"),
    check: await import("@/app/api/providers/[id]/check/route"),
    credential: await import("@/app/api/providers/[id]/credential/route"),
  };
  admin = await signInAs({ role: "admin" });
});

afterAll(async () => {
  await fake?.close();
  process.env = saved;
  (await import("@/lib/env")).resetEnvCache();
  fs.rmSync(dir, { recursive: true, force: true });
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const save = async (id: string, body: unknown) => {
  const response = await routes.credential.PUT(jsonRequest(`/api/providers/${id}/credential`, body, { method: "PUT" }), params(id));
  expect(response.status).toBe(200);
  return ((await response.json()) as { provider: ProviderStatusDto }).provider;
};
const check = async (id: string) => (await routes.check.POST(jsonRequest(`/api/providers/${id}/check`, {}), params(id))).json() as Promise<{ ok: boolean; error: string | null }>;
const providerOf = async (id: string) =>
  ((await (await routes.providers.GET(appRequest("/api/providers"))).json()) as { providers: ProviderStatusDto[] }).providers.find((p) => p.id === id)!;

describe("the operator's key and an admin's base URL", () => {
  it("keeps the environment's key on the default base URL, and Settings says the saved URL is not used", async () => {
    const ollama = await save("ollama", { baseUrl: fake.url });
    expect(ollama).toMatchObject({
      baseUrl: "http://localhost:11434/v1",
      baseUrlSource: "default",
      storedBaseUrl: fake.url,
      storedBaseUrlUnused: "env-key",
      keySource: "env",
      keyHint: "…Ab12",
      keyEnvVar: "OLLAMA_API_KEY",
    });
    // A live check (and the model list) go to the default endpoint: nothing reaches the saved URL.
    expect(await check("ollama")).toMatchObject({ ok: false, error: "connection refused" });
    expect(fake.authorizations).toEqual([]);
  });

  it("stays so after a restart reloads the saved settings, also with a key saved beside the URL", async () => {
    await save("ollama", { apiKey: SAVED_KEY });
    await (await import("@/lib/providers/credential-snapshot")).loadProviderCredentials();
    expect(await providerOf("ollama")).toMatchObject({ baseUrl: "http://localhost:11434/v1", storedBaseUrlUnused: "env-key", keySource: "env", storedKey: { hint: "…Cd34" } });
    await check("ollama");
    expect(fake.authorizations).toEqual([]);
  });

  it("sends a key saved in Settings to a base URL from the environment", async () => {
    const together = await save("together", { apiKey: SAVED_KEY });
    expect(together).toMatchObject({ baseUrl: fake.url, baseUrlSource: "env", keySource: "settings", storedBaseUrlUnused: null });
    expect(await check("together")).toMatchObject({ ok: true });
    expect(fake.authorizations.at(-1)).toBe(`Bearer ${SAVED_KEY}`);
    expect(fake.authorizations).not.toContain(`Bearer ${ENV_KEY}`);
  });
});
