// Provider keys and base URLs saved in Settings: admin only, encrypted at rest, never sent
// back, and used for real upstream calls. The route handlers are called with real sessions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderStatusDto } from "@/lib/chat/api-types";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { collectEvents, endsOf } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";
import { viaServer } from "../helpers/app-server";

const OPENAI_KEY = "sk-proj-SETTINGS-openai-Zq81x";
const CUSTOM_KEY = "sk-fakecorp-FIRST-key-Hh42";
const CUSTOM_KEY_2 = "sk-fakecorp-SECOND-key-Pp77";
const GROQ_SAVED_KEY = "gsk_saved_in_settings_Mm55";
const GROQ_ENV_KEY = "gsk_from_the_environment_Ee11";
const RAW_KEYS = [OPENAI_KEY, CUSTOM_KEY, CUSTOM_KEY_2, GROQ_SAVED_KEY];

type Session = { token: string; csrf: string };
type Routes = {
  providers: typeof import("@/app/api/providers/route");
  check: typeof import("@/app/api/providers/[id]/check/route");
  credential: typeof import("@/app/api/providers/[id]/credential/route");
  custom: typeof import("@/app/api/providers/custom/route");
  customOne: typeof import("@/app/api/providers/custom/[name]/route");
  models: typeof import("@/app/api/models/route");
};

const saved = { ...process.env };
let dir: string;
let routes: Routes;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let snapshot: typeof import("@/lib/providers/credential-snapshot");
let resetEnvCache: () => void;
let fake: FakeUpstream;
let admin: Session;
let member: Session;
/** Every response body of the file, checked at the end for any raw key. */
const bodies: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-credentials-"));
  fake = await startFakeUpstream({ deltas: 3, gapMs: 1 });
  for (const name of Object.keys(process.env)) if (/_API_KEY$|_BASE_URL$|^SECRET_KEY|^LOCAL_NO_LOGIN$/.test(name)) delete process.env[name];
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SECRET_KEY_FILE: path.join(dir, "keys", "secret.key"),
    GROQ_API_KEY: GROQ_ENV_KEY,
    CUSTOM_PROVIDER_FROMENV_BASE_URL: "http://127.0.0.1:9/v1",
    CATALOG_REFRESH_HOURS: "0",
  });
  const env = await import("@/lib/env");
  resetEnvCache = env.resetEnvCache;
  resetEnvCache();
  routes = {
    providers: await import("@/app/api/providers/route"),
    check: await import("@/app/api/providers/[id]/check/route"),
    credential: await import("@/app/api/providers/[id]/credential/route"),
    custom: await import("@/app/api/providers/custom/route"),
    customOne: await import("@/app/api/providers/custom/[name]/route"),
    models: await import("@/app/api/models/route"),
  };
  snapshot = await import("@/lib/providers/credential-snapshot");
  db = (await import("@/lib/db/client")).getDb();
  const { createSession } = await import("@/lib/auth/sessions");
  const adminUser = await db.user.create({ data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" } });
  const memberUser = await db.user.create({ data: { email: "member@example.test", name: "Member", role: "member", passwordHash: "x" } });
  admin = await createSession(adminUser.id);
  member = await createSession(memberUser.id);
});

afterAll(async () => {
  await fake?.close();
  process.env = saved;
  resetEnvCache?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(method: string, url: string, as: Session | null, body?: unknown, csrf = true): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (as) headers.cookie = `sy_session=${as.token}`;
  if (as && csrf && method !== "GET") headers["x-csrf-token"] = as.csrf;
  return new Request(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function call(response: Promise<Response>): Promise<{ status: number; json: any; text: string }> {
  const res = await response;
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, json: text ? JSON.parse(text) : null, text };
}

const params = <T extends string>(key: T, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<T, string>) });
const putCredential = (id: string, body: unknown, as: Session | null = admin, csrf = true) => call(routes.credential.PUT(request("PUT", `/api/providers/${id}/credential`, as, body, csrf), params("id", id)));
const deleteCredential = (id: string, as: Session | null = admin) => call(routes.credential.DELETE(request("DELETE", `/api/providers/${id}/credential`, as), params("id", id)));
const addCustom = (body: unknown, as: Session | null = admin) => call(routes.custom.POST(request("POST", "/api/providers/custom", as, body)));
const deleteCustom = (name: string, as: Session | null = admin) => call(routes.customOne.DELETE(request("DELETE", `/api/providers/custom/${name}`, as), params("name", name)));
const checkProvider = (id: string, as: Session = admin) => call(routes.check.POST(request("POST", `/api/providers/${id}/check`, as), params("id", id)));

async function listProviders(): Promise<ProviderStatusDto[]> {
  const { status, json } = await call(routes.providers.GET(request("GET", "/api/providers", admin)));
  expect(status).toBe(200);
  return json.providers;
}
const providerOf = async (id: string) => (await listProviders()).find((p) => p.id === id);

async function chatWith(modelId: string) {
  const res = await viaServer(request("POST", "/api/chat", admin, { prompt: "Say something", columns: [{ modelId }] }));
  expect(res.status).toBe(200);
  return endsOf(await collectEvents(res));
}

describe("provider settings are admin only", () => {
  it("a member gets 403 on every provider route, a stranger 401, a missing CSRF token 403, and nothing changes", async () => {
    const attempts = [
      () => call(routes.providers.GET(request("GET", "/api/providers", member))),
      () => putCredential("openai", { apiKey: OPENAI_KEY }, member),
      () => putCredential("ollama", { baseUrl: fake.url }, member),
      () => deleteCredential("openai", member),
      () => addCustom({ name: "sneaky", baseUrl: fake.url, apiKey: CUSTOM_KEY }, member),
      () => deleteCustom("sneaky", member),
      () => checkProvider("groq", member),
    ];
    for (const attempt of attempts) expect((await attempt()).status).toBe(403);
    expect((await putCredential("openai", { apiKey: OPENAI_KEY }, null)).status).toBe(401);
    expect((await addCustom({ name: "sneaky", baseUrl: fake.url }, null)).status).toBe(401);
    const noCsrf = await putCredential("openai", { apiKey: OPENAI_KEY }, admin, false);
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.error.code).toBe("csrf_failed");

    expect(await db.providerCredential.count()).toBe(0);
    const openai = await providerOf("openai");
    expect(openai).toMatchObject({ configured: false, keySource: null, storedKey: null });
    expect(await providerOf("sneaky")).toBeUndefined();
    expect(fake.authorizations).toEqual([]);
  });
});

describe("a key saved by an admin", () => {
  it("configures the preset, lists its models, and is stored encrypted with only a hint readable", async () => {
    const saved = await putCredential("openai", { apiKey: OPENAI_KEY });
    expect(saved.status).toBe(200);
    expect(saved.json.provider).toMatchObject({ id: "openai", configured: true, keySource: "settings", keyHint: "…q81x", storedKey: { hint: "…q81x", error: null } });

    const openai = (await providerOf("openai"))!;
    expect(openai).toMatchObject({ configured: true, keySource: "settings", keyHint: "…q81x", baseUrlSource: "default" });
    expect(openai.modelCount).toBeGreaterThan(0);
    const models = await call(routes.models.GET(request("GET", "/api/models", admin)));
    expect(models.json.models.map((m: { id: string }) => m.id)).toContain("openai/gpt-4o-mini");

    const row = await db.providerCredential.findUniqueOrThrow({ where: { providerId: "openai" } });
    expect(row.encryptedApiKey).toMatch(/^v1\./);
    expect(row.keyHint).toBe("q81x");
    const everyColumn = Object.values(row).map(String).join(" ");
    expect(everyColumn).not.toContain(OPENAI_KEY);
    expect(everyColumn).not.toContain(OPENAI_KEY.slice(0, 12));
    // The key that encrypts it lives in its own file, owner-only, not in the database.
    expect(fs.statSync(process.env.SECRET_KEY_FILE!).mode & 0o777).toBe(0o600);
  });

  it("is sent to the upstream, with a base URL override saved beside it", async () => {
    expect((await putCredential("openai", { baseUrl: `${fake.url}/` })).json.provider).toMatchObject({ baseUrl: fake.url, baseUrlSource: "settings", keySource: "settings" });
    const ends = await chatWith("openai/gpt-4o-mini");
    expect(ends.map((e) => e.type)).toEqual(["column-end"]);
    expect(fake.requests.at(-1)?.model).toBe("gpt-4o-mini");
    expect(fake.authorizations.at(-1)).toBe(`Bearer ${OPENAI_KEY}`);
  });

  it("loses to the environment's key when both are set, and Settings says which is used", async () => {
    expect((await putCredential("groq", { apiKey: GROQ_SAVED_KEY })).status).toBe(200);
    const groq = (await providerOf("groq"))!;
    expect(groq).toMatchObject({ configured: true, keySource: "env", keyHint: "…Ee11", storedKey: { hint: "…Mm55", error: null }, envVar: "GROQ_API_KEY" });
  });

  it("shows as \"cannot be decrypted\" when the secret key changed, without breaking the list", async () => {
    process.env.SECRET_KEY_FILE = path.join(dir, "other.key");
    resetEnvCache();
    await snapshot.loadProviderCredentials();
    const openai = (await providerOf("openai"))!;
    expect(openai.configured).toBe(false);
    expect(openai.keySource).toBe("settings");
    expect(openai.storedKey?.error).toMatch(/cannot be decrypted.*SECRET_KEY/);

    process.env.SECRET_KEY_FILE = path.join(dir, "keys", "secret.key");
    resetEnvCache();
    await snapshot.loadProviderCredentials();
    expect((await providerOf("openai"))?.configured).toBe(true);
  });

  it("can be removed; the provider is then unconfigured and nothing stays in the database", async () => {
    expect((await putCredential("openai", { apiKey: null, baseUrl: null })).json.provider).toMatchObject({ configured: false, keySource: null, storedKey: null, baseUrlSource: "default" });
    expect(await db.providerCredential.findUnique({ where: { providerId: "openai" } })).toBeNull();
    expect((await deleteCredential("groq")).status).toBe(200);
    expect((await providerOf("groq"))?.storedKey).toBeNull();
    expect((await deleteCredential("groq")).status).toBe(404);
  });
});

describe("custom providers added in Settings", () => {
  it("are called with their key, which can be replaced, and removed with their key", async () => {
    const before = fake.authorizations.length;
    const created = await addCustom({ name: "FakeCorp", baseUrl: fake.url, apiKey: CUSTOM_KEY });
    expect(created.status).toBe(201);
    // No models listed: they are discovered from the provider's GET /models, asked with the key.
    expect(created.json.provider).toMatchObject({ id: "fakecorp", kind: "custom", source: "settings", configured: true, keySource: "settings", keyHint: "…Hh42", listedModels: null, modelCount: 1 });
    expect(fake.authorizations.slice(before)).toEqual([`Bearer ${CUSTOM_KEY}`]);
    expect((await checkProvider("fakecorp")).json).toMatchObject({ ok: true, modelCount: 1 });
    expect((await chatWith("fakecorp/fake-model")).map((e) => e.type)).toEqual(["column-end"]);
    expect(fake.authorizations.at(-1)).toBe(`Bearer ${CUSTOM_KEY}`);

    expect((await putCredential("fakecorp", { apiKey: CUSTOM_KEY_2, models: "fake-model, other-model" })).json.provider).toMatchObject({ keyHint: "…Pp77", listedModels: ["fake-model", "other-model"], modelCount: 2 });
    await chatWith("fakecorp/fake-model");
    expect(fake.authorizations.at(-1)).toBe(`Bearer ${CUSTOM_KEY_2}`);

    const row = await db.providerCredential.findUniqueOrThrow({ where: { providerId: "custom:fakecorp" } });
    expect(Object.values(row).map(String).join(" ")).not.toContain(CUSTOM_KEY_2);

    expect((await deleteCustom("fakecorp")).status).toBe(200);
    expect(await providerOf("fakecorp")).toBeUndefined();
    expect(await db.providerCredential.count({ where: { providerId: "custom:fakecorp" } })).toBe(0);
  });

  it("refuse names already in use and providers the environment defines", async () => {
    for (const name of ["openai", "sandbox", "fromenv"]) expect((await addCustom({ name, baseUrl: fake.url })).status).toBe(409);
    expect((await putCredential("fromenv", { apiKey: CUSTOM_KEY })).json.error.message).toMatch(/configured by the environment \(CUSTOM_PROVIDER_FROMENV_BASE_URL\)/);
    expect((await putCredential("nope", { apiKey: CUSTOM_KEY })).status).toBe(404);
    expect((await deleteCustom("openai")).status).toBe(404);
  });
});

describe("input validation", () => {
  it("accepts only http(s) base URLs without credentials, and sensible names, keys and models", async () => {
    for (const baseUrl of ["ftp://example.com/v1", "javascript:alert(1)", "file:///etc/passwd", "not a url", "http://user:pw@example.com/v1", "https://example.com/v1?x=1"]) {
      const res = await putCredential("ollama", { baseUrl });
      expect(res.status, baseUrl).toBe(400);
      expect(res.json.error.param).toBe("baseUrl");
    }
    expect((await addCustom({ name: "has space", baseUrl: fake.url })).status).toBe(400);
    expect((await addCustom({ name: "-dash", baseUrl: fake.url })).status).toBe(400);
    expect((await addCustom({ name: "ok", baseUrl: "gopher://x" })).status).toBe(400);
    expect((await addCustom({ name: "ok", baseUrl: fake.url, apiKey: "two words" })).status).toBe(400);
    expect((await addCustom({ name: "ok", baseUrl: fake.url, models: "a b" })).status).toBe(400);
    expect((await putCredential("openai", {})).status).toBe(400);
    expect((await putCredential("openai", { apiKey: "x\r\nInjected: 1" })).status).toBe(400);
    expect((await putCredential("openai", { models: "gpt-4o" })).status).toBe(400);
    expect((await putCredential("openai", { apiKey: OPENAI_KEY, extra: true })).status).toBe(400);
    expect(await db.providerCredential.count()).toBe(0);
  });

  it("a local preset is switched on by a base URL alone, and off again when it is cleared", async () => {
    expect((await putCredential("ollama", { baseUrl: fake.url })).json.provider).toMatchObject({ configured: true, baseUrlSource: "settings", storedBaseUrl: fake.url, keySource: null });
    expect((await putCredential("ollama", { baseUrl: "" })).json.provider).toMatchObject({ configured: false, baseUrlSource: "default", storedBaseUrl: null });
    expect(await db.providerCredential.count()).toBe(0);
  });
});

describe("no response ever carries a saved key", () => {
  it("holds for every body this file received", () => {
    expect(bodies.length).toBeGreaterThan(30);
    for (const body of bodies) for (const key of RAW_KEYS) expect(body).not.toContain(key);
  });
});
