// The CSRF Origin check compares scheme, host and port: an https:// page of the same host is
// another origin than this http server. X-Forwarded-Proto (and -For, -Host) count only when
// the request came from a proxy listed in TRUSTED_PROXY; the app server replaces them otherwise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type TestUser } from "../helpers/auth";
import { jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";

let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let resetEnvCache: () => void;
let user: TestUser;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_SPEED: "50", CATALOG_REFRESH_HOURS: "0" });
  for (const name of ["SANDBOX_BASE_URL", "LOCAL_NO_LOGIN", "TRUSTED_PROXY"]) delete process.env[name];
  resetEnvCache = (await import("@/lib/env")).resetEnvCache;
  resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  user = await signInAs();
});

afterAll(async () => {
  delete process.env.TRUSTED_PROXY;
  resetEnvCache?.();
  await db?.$disconnect();
});

describe("route handlers", () => {
  it("refuse an https Origin of the same host on an http request, and say what an operator would fix", async () => {
    const keys = await import("@/app/api/keys/route");
    const forged = await keys.POST(jsonRequest("/api/keys", { name: "forged" }, { headers: { origin: "https://localhost" } }));
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/TRUSTED_PROXY/);
    const otherPort = await keys.POST(jsonRequest("/api/keys", { name: "forged" }, { headers: { origin: "http://localhost:8443" } }));
    expect(otherPort.status).toBe(403);
    expect(await db.apiKey.count()).toBe(0);
    // What the app server passes on from a trusted TLS proxy: the https page is then this server's own.
    const proxied = await keys.POST(jsonRequest("/api/keys", { name: "proxied" }, { headers: { origin: "https://localhost", "x-forwarded-proto": "https" } }));
    expect(proxied.status).toBe(201);
    expect((await keys.POST(jsonRequest("/api/keys", { name: "own" }))).status).toBe(201);
  });
});

describe("the app server", () => {
  /** POST /api/chat as the app server serves it, with an invalid body: 403 means CSRF refused it, 400 that it got past. */
  async function chatStatus(api: { url: string }, headers: Record<string, string>): Promise<{ status: number; message: string }> {
    const response = await fetch(`${api.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: user.headers.cookie, "x-csrf-token": user.csrf, ...headers },
      body: JSON.stringify({ prompt: "" }),
    });
    return { status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message };
  }

  async function withServer(trustedProxy: string | undefined, run: (api: { url: string }) => Promise<void>) {
    if (trustedProxy) process.env.TRUSTED_PROXY = trustedProxy;
    else delete process.env.TRUSTED_PROXY;
    resetEnvCache();
    const api = await (await import("@/lib/server/api-server")).startApiServer();
    try {
      await run(api);
    } finally {
      await api.close();
    }
  }

  it("ignores a client's X-Forwarded-Proto and -Host when no proxy is trusted", async () => {
    await withServer(undefined, async (api) => {
      const host = new URL(api.url).host;
      expect((await chatStatus(api, { origin: api.url })).status).toBe(400);
      expect((await chatStatus(api, { origin: `https://${host}` })).status).toBe(403);
      expect((await chatStatus(api, { origin: `https://${host}`, "x-forwarded-proto": "https" })).status).toBe(403);
      expect((await chatStatus(api, { origin: "https://public.example", "x-forwarded-proto": "https", "x-forwarded-host": "public.example" })).status).toBe(403);
    });
  });

  it("believes them from a proxy listed in TRUSTED_PROXY, and only from it", async () => {
    await withServer("10.9.9.9, 127.0.0.0/8", async (api) => {
      const host = new URL(api.url).host;
      expect((await chatStatus(api, { origin: `https://${host}`, "x-forwarded-proto": "https" })).status).toBe(400);
      expect((await chatStatus(api, { origin: "https://public.example", "x-forwarded-proto": "https", "x-forwarded-host": "public.example" })).status).toBe(400);
      expect((await chatStatus(api, { origin: `https://${host}` })).status).toBe(403);
    });
    await withServer("10.9.9.9", async (api) => {
      const host = new URL(api.url).host;
      expect((await chatStatus(api, { origin: `https://${host}`, "x-forwarded-proto": "https" })).status).toBe(403);
    });
  });

  it("refuses to start with a TRUSTED_PROXY that is not an address or range", async () => {
    process.env.TRUSTED_PROXY = "proxy.example";
    resetEnvCache();
    await expect((await import("@/lib/server/api-server")).startApiServer()).rejects.toThrow(/TRUSTED_PROXY: "proxy.example"/);
  });
});
