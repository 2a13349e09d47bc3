// The outbound URL policy: provider base URLs may not aim at link-local or cloud-metadata
// addresses. Refused when saved in Settings, and again at connect time on the address a name
// resolves to (the chat call, the provider check and the catalog refresh all connect through
// the same guarded pool). Loopback and private ranges stay allowed; OUTBOUND_ALLOW_HOSTS
// exempts what an operator names. The provider check shows a short status, never a body.
import dns from "node:dns";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signInAs } from "../helpers/auth";
import { collectEvents, endsOf, jsonRequest } from "../helpers/chat-client";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { createTestDatabase } from "../helpers/test-db";
import { viaServer } from "../helpers/app-server";

const saved = { ...process.env };
let dir: string;
let fake: FakeUpstream;
let hostile: http.Server;
let hostileUrl: string;
let resetEnvCache: () => void;
let routes: {
  check: typeof import("@/app/api/providers/[id]/check/route");
  credential: typeof import("@/app/api/providers/[id]/credential/route");
  custom: typeof import("@/app/api/providers/custom/route");
  customOne: typeof import("@/app/api/providers/custom/[name]/route");
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-outbound-"));
  fake = await startFakeUpstream({ deltas: 2, gapMs: 1 });
  // An endpoint that refuses the key and puts whatever it likes in its error body.
  hostile = http.createServer((_req, res) => {
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "<img src=x onerror=alert(1)> internal: db password is hunter2" } }));
  });
  await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as { port: number }).port}/v1`;
  for (const name of Object.keys(process.env)) if (/_API_KEY$|_BASE_URL$|^SECRET_KEY|^OUTBOUND_ALLOW_HOSTS$/.test(name)) delete process.env[name];
  Object.assign(process.env, {
    DATABASE_URL: createTestDatabase(),
    SECRET_KEY_FILE: path.join(dir, "secret.key"),
    CATALOG_REFRESH_HOURS: "0",
    SANDBOX_ENABLED: "false",
    // The environment is trusted to name any host, but the connection is still checked.
    CUSTOM_PROVIDER_META_BASE_URL: "http://169.254.169.254/latest/v1",
    CUSTOM_PROVIDER_META_MODELS: "meta-model",
  });
  resetEnvCache = (await import("@/lib/env")).resetEnvCache;
  resetEnvCache();
  routes = {
    check: await import("@/app/api/providers/[id]/check/route"),
    credential: await import("@/app/api/providers/[id]/credential/route"),
    custom: await import("@/app/api/providers/custom/route"),
    customOne: await import("@/app/api/providers/custom/[name]/route"),
  };
  await signInAs({ role: "admin" });
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await fake?.close();
  await new Promise((resolve) => hostile?.close(resolve));
  process.env = saved;
  resetEnvCache?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const params = (key: string, value: string) => ({ params: Promise.resolve({ [key]: value } as { id: string; name: string }) });
const putBaseUrl = (id: string, baseUrl: string) => routes.credential.PUT(jsonRequest(`/api/providers/${id}/credential`, { baseUrl }, { method: "PUT" }), params("id", id));
const addCustom = (name: string, baseUrl: string) => routes.custom.POST(jsonRequest("/api/providers/custom", { name, baseUrl, models: "fake-model" }));
const removeCustom = (name: string) => routes.customOne.DELETE(jsonRequest(`/api/providers/custom/${name}`, {}, { method: "DELETE" }), params("name", name));
const check = async (id: string) => (await (await routes.check.POST(jsonRequest(`/api/providers/${id}/check`, {}), params("id", id))).json()) as { ok: boolean; error: string | null };

/** The system resolver, answering `address` for `name` (what a DNS record an attacker controls would say). */
function resolveNameTo(name: string, address: string) {
  const real = dns.lookup;
  vi.spyOn(dns, "lookup").mockImplementation(((host: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    if (host !== name) return (real as (...args: unknown[]) => void)(host, options, callback);
    const family = address.includes(":") ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as typeof dns.lookup);
}

describe("saving a base URL in Settings", () => {
  it("refuses link-local and metadata hosts, in every spelling", async () => {
    for (const url of [
      "http://169.254.169.254/latest/v1",
      "http://169.254.170.2/v1",
      "http://[fe80::1]/v1",
      "http://[::ffff:169.254.169.254]/v1",
      "http://2852039166/v1",
      "http://[fd00:ec2::254]/v1",
      "http://100.100.100.200/v1",
      "http://metadata.google.internal/computeMetadata/v1",
      "http://METADATA.GOOGLE.INTERNAL./v1",
    ]) {
      const response = await putBaseUrl("ollama", url);
      expect(response.status, url).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message, url).toMatch(/link-local or cloud metadata address.*OUTBOUND_ALLOW_HOSTS/);
    }
    expect((await addCustom("imds", "http://169.254.169.254/v1")).status).toBe(400);
  });

  it("accepts loopback and private addresses, where local models live", async () => {
    for (const url of ["http://127.0.0.1:11434/v1", "http://localhost:1234/v1", "http://10.0.0.5:8000/v1", "http://192.168.1.20/v1", "http://[::1]:8080/v1"]) {
      expect((await putBaseUrl("ollama", url)).status, url).toBe(200);
    }
    expect((await putBaseUrl("ollama", "")).status).toBe(200);
  });

  it("accepts what OUTBOUND_ALLOW_HOSTS names", async () => {
    process.env.OUTBOUND_ALLOW_HOSTS = "169.254.10.0/24, metadata.google.internal";
    resetEnvCache();
    try {
      expect((await putBaseUrl("ollama", "http://169.254.10.7/v1")).status).toBe(200);
      expect((await putBaseUrl("ollama", "http://metadata.google.internal/v1")).status).toBe(200);
      expect((await putBaseUrl("ollama", "http://169.254.169.254/v1")).status).toBe(400);
    } finally {
      delete process.env.OUTBOUND_ALLOW_HOSTS;
      resetEnvCache();
      await putBaseUrl("ollama", "");
    }
  });
});

describe("connecting", () => {
  it("refuses a name that resolves to a metadata address when the connection is made, and allows it when it resolves elsewhere", async () => {
    const port = new URL(fake.url).port;
    expect((await addCustom("rebind", `http://rebind.switchyard.test:${port}/v1`)).status).toBe(201);

    resolveNameTo("rebind.switchyard.test", "169.254.169.254");
    const refused = await check("rebind");
    expect(refused.ok).toBe(false);
    expect(refused.error).toBe("rebind.switchyard.test (169.254.169.254) is a link-local or cloud metadata address, which Switchyard does not call (an operator can allow it with OUTBOUND_ALLOW_HOSTS)");
    expect(fake.authorizations).toEqual([]);

    vi.restoreAllMocks();
    resolveNameTo("rebind.switchyard.test", "127.0.0.1");
    expect(await check("rebind")).toMatchObject({ ok: true });
    expect(fake.authorizations.length).toBe(1);
    expect((await removeCustom("rebind")).status).toBe(200);
  });

  it("refuses a metadata address from the environment in chat calls and catalog refreshes too", async () => {
    const ends = endsOf(await collectEvents(await viaServer(jsonRequest("/api/chat", { prompt: "hello", columns: [{ modelId: "meta/meta-model" }] }))));
    expect(ends).toHaveLength(1);
    expect(ends[0].type).toBe("column-error");
    expect(JSON.stringify(ends[0])).toContain("169.254.169.254 is a link-local or cloud metadata address");

    const { refreshCatalog } = await import("@/lib/catalog/refresh-catalog");
    const { getCatalogState } = await import("@/lib/catalog/catalog-state");
    await refreshCatalog();
    expect(getCatalogState().attempts.get("meta")?.error).toMatch(/^169\.254\.169\.254 is a link-local or cloud metadata address/);
  });
});

describe("the provider check", () => {
  it("shows a short status, not the upstream's body", async () => {
    expect((await addCustom("hostile", hostileUrl)).status).toBe(201);
    expect(await check("hostile")).toEqual(expect.objectContaining({ ok: false, error: "401 Unauthorized" }));
    expect((await addCustom("closed", "http://127.0.0.1:9/v1")).status).toBe(201);
    expect(await check("closed")).toEqual(expect.objectContaining({ ok: false, error: "connection refused" }));
  });
});
