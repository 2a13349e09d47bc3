// /api/keys route handlers and key authentication against a fresh database.
import { beforeAll, describe, expect, it } from "vitest";
import { signInAs, appRequest } from "../helpers/auth";
import { createTestDatabase } from "../helpers/test-db";
import { jsonRequest } from "../helpers/chat-client";
import type { ApiKeyDto, CreatedApiKeyDto } from "@/lib/auth/api-keys-dto";

let keysRoute: typeof import("@/app/api/keys/route");
let keyRoute: typeof import("@/app/api/keys/[id]/route");
let apiKeys: typeof import("@/lib/auth/api-keys");
let admit: typeof import("@/lib/limits/admit");
let keyUsage: typeof import("@/lib/auth/key-usage");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let userId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = createTestDatabase();
  keysRoute = await import("@/app/api/keys/route");
  keyRoute = await import("@/app/api/keys/[id]/route");
  apiKeys = await import("@/lib/auth/api-keys");
  admit = await import("@/lib/limits/admit");
  keyUsage = await import("@/lib/auth/key-usage");
  db = (await import("@/lib/db/client")).getDb();
  userId = (await signInAs()).id;
});

async function create(body: unknown): Promise<CreatedApiKeyDto> {
  const response = await keysRoute.POST(jsonRequest("/api/keys", body));
  expect(response.status).toBe(201);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as CreatedApiKeyDto;
}

async function list(): Promise<ApiKeyDto[]> {
  const response = await keysRoute.GET(appRequest("/api/keys"));
  expect(response.status).toBe(200);
  return ((await response.json()) as { keys: ApiKeyDto[] }).keys;
}

function revoke(id: string) {
  return keyRoute.DELETE(appRequest(`http://localhost/api/keys/${id}`, { method: "DELETE" }), { params: Promise.resolve({ id }) });
}

async function authError(header: string | null) {
  try {
    await apiKeys.authenticateApiKey(header);
  } catch (error) {
    return error as { status: number; code: string; message: string };
  }
  throw new Error("expected a 401");
}

async function addGeneration(apiKeyId: string, costPico: bigint, createdAt: Date) {
  await db.generation.create({
    data: { id: `gen-${Math.random()}`, userId, source: "api", apiKeyId, requestedModel: "m", modelId: "m", provider: "sandbox", upstreamModel: "m", status: "done", costPico, createdAt },
  });
}

describe("/api/keys", () => {
  it("creates a key, returns it once, and lists it without the key or its hash", async () => {
    const created = await create({ name: "CI bot", creditLimitUsd: "5", creditReset: "monthly", rpm: 20, rpd: 500, tpm: 100_000, logPrompts: true, responseCache: true, expiresAt: "2099-12-31" });
    expect(created.key).toMatch(/^sk-sy-v1-[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: "CI bot",
      prefix: created.key.slice(0, 12) + "…",
      creditLimitPico: "5000000000000",
      creditReset: "monthly",
      rpm: 20,
      rpd: 500,
      tpm: 100_000,
      logPrompts: true,
      responseCache: true,
      expiresAt: "2099-12-31T23:59:59.999Z",
      status: "active",
      lastUsedAt: null,
    });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(row).map(String).join(" ")).not.toContain(created.key.slice(12));

    const response = await keysRoute.GET(appRequest("/api/keys"));
    const text = await response.text();
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(row.hash);
    const keys = (JSON.parse(text) as { keys: ApiKeyDto[] }).keys;
    expect(keys.map((k) => k.id)).toContain(created.apiKey.id);
    expect(Object.keys(keys[0])).not.toContain("hash");
  });

  it.each([
    [{}, "name: name is required"],
    [{ name: "  " }, "name: name is required"],
    [{ name: "x", creditLimitUsd: "five" }, "creditLimitUsd must be a decimal amount"],
    [{ name: "x", creditReset: "hourly" }, "creditReset: creditReset must be one of never, daily, weekly, monthly"],
    [{ name: "x", rpm: -1 }, "rpm: rpm must be at least 1"],
    [{ name: "x", rpd: "ten" }, "rpd: rpd must be a whole number"],
    [{ name: "x", expiresAt: "2026-02-31" }, "expiresAt: expiresAt must be a date"],
    [{ name: "x", expiresAt: "2001-01-01" }, "expiresAt must be in the future"],
    ["{not json", "The request body is not valid JSON"],
  ])("answers %o with a clear 400", async (body, message) => {
    const response = await keysRoute.POST(jsonRequest("/api/keys", body));
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { message: string; code: string } };
    expect(json.error.message).toContain(message);
    expect(json.error.code).toBe("invalid_request");
  });

  it("revokes a key: 200, then status revoked, and a 404 for ids that are not the user's", async () => {
    const { apiKey } = await create({ name: "to revoke" });
    expect((await revoke(apiKey.id)).status).toBe(200);
    expect((await revoke(apiKey.id)).status).toBe(200);
    expect((await list()).find((k) => k.id === apiKey.id)?.status).toBe("revoked");
    const missing = await revoke("nope");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe("API key not found");
  });

  it("lists each key's spend in its current credit period", async () => {
    const { apiKey } = await create({ name: "spender", creditLimitUsd: "1", creditReset: "daily" });
    await addGeneration(apiKey.id, 300n, new Date());
    await addGeneration(apiKey.id, 7_000n, new Date(Date.now() - 3 * 86_400_000));
    expect((await list()).find((k) => k.id === apiKey.id)?.spentPico).toBe("300");
  });
});

describe("authenticateApiKey", () => {
  it("accepts a valid key and records its last use off the request path", async () => {
    const { key, apiKey } = await create({ name: "valid", rpm: 5, creditLimitUsd: "0.25", creditReset: "weekly" });
    const context = await apiKeys.authenticateApiKey(`Bearer ${key}`);
    expect(context).toEqual({
      id: apiKey.id,
      userId,
      name: "valid",
      prefix: apiKey.prefix,
      creditLimitPico: 250_000_000_000n,
      creditReset: "weekly",
      rpm: 5,
      rpd: null,
      tpm: null,
      logPrompts: false,
      responseCache: false,
      expiresAt: null,
    });
    await expect.poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses a key at once after revocation, even while cached", async () => {
    const { key, apiKey } = await create({ name: "revoked" });
    await apiKeys.authenticateApiKey(`Bearer ${key}`);
    await revoke(apiKey.id);
    expect(await authError(`Bearer ${key}`)).toMatchObject({ status: 401, code: "invalid_api_key", message: "This API key has been revoked" });
  });

  it("refuses an expired key, also while it is cached", async () => {
    const { key } = await create({ name: "expiring", expiresAt: new Date(Date.now() + 1_500).toISOString() });
    await expect(apiKeys.authenticateApiKey(`Bearer ${key}`)).resolves.toMatchObject({ name: "expiring" });
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(await authError(`Bearer ${key}`)).toMatchObject({ status: 401, code: "invalid_api_key", message: expect.stringMatching(/^This API key expired at /) });

    const { key: other, apiKey: otherKey } = await create({ name: "expired" });
    await db.apiKey.update({ where: { id: otherKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authError(`Bearer ${other}`)).toMatchObject({ status: 401, message: expect.stringMatching(/^This API key expired at /) });
    expect((await list()).find((k) => k.id === otherKey.id)?.status).toBe("expired");
  });

  it("refuses unknown, malformed and missing keys with a sentence that says which", async () => {
    expect(await authError(`Bearer sk-sy-v1-${"x".repeat(43)}`)).toMatchObject({ status: 401, code: "invalid_api_key", message: expect.stringContaining("Unknown API key") });
    expect(await authError("Bearer sk-live-123")).toMatchObject({ status: 401, message: expect.stringContaining("Malformed API key") });
    expect(await authError("Token abc")).toMatchObject({ status: 401, message: expect.stringContaining("Malformed Authorization header") });
    expect(await authError(null)).toMatchObject({ status: 401, message: expect.stringContaining("Missing API key") });
  });
});

describe("credits from the ledger", () => {
  it("counts the period's ledger spend before admitting, and describeKeyUsage reports it", async () => {
    const { key, apiKey } = await create({ name: "budget", creditLimitUsd: "0.000001", creditReset: "monthly", rpm: 9 });
    const context = await apiKeys.authenticateApiKey(`Bearer ${key}`);
    await addGeneration(apiKey.id, 600_000n, new Date());
    await addGeneration(apiKey.id, 5_000_000n, new Date(Date.now() - 40 * 86_400_000));
    const request = (costPico: bigint) => ({ userId: context.userId, key: context, budgetPico: null, freeTier: null, worstCase: () => ({ costPico, tokens: 20 }) });
    await expect(admit.admitCall(request(400_001n))).rejects.toMatchObject({ status: 402, code: "insufficient_credits" });
    const admission = await admit.admitCall(request(300_000n));
    const usage = await keyUsage.describeKeyUsage(context);
    expect(usage.usageTotalPico).toBe(5_600_000n);
    expect(usage.usageMonthPico >= 600_000n).toBe(true);
    expect(usage.limitPico).toBe(1_000_000n);
    expect(usage.remainingPico).toBe(100_000n);
    expect(usage.rateLimits).toEqual({ rpm: 9, rpd: null, tpm: null });
    admission.settle({ costPico: 50_000n, totalTokens: 20 });
    expect((await keyUsage.describeKeyUsage(context)).remainingPico).toBe(350_000n);
  });
});
