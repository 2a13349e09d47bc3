// Sign-in attempts are limited per account *and* client address: someone guessing the admin's
// password from one address locks out only that address, and the admin signs in from theirs.
// The route handler reads the client address from X-Forwarded-For, which the app server
// always sets (from the socket, or from a trusted proxy: tests/integration/csrf-scheme.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";

const FORM = { "x-csrf-token": "local", origin: "http://localhost" };
const ADMIN = { email: "admin@lockout.test", name: "Admin", password: "the right password" };

let login: typeof import("@/app/api/auth/login/route");
let db: ReturnType<typeof import("@/lib/db/client").getDb>;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", CATALOG_REFRESH_HOURS: "0" });
  for (const name of ["LOCAL_NO_LOGIN", "ADMIN_EMAIL", "ADMIN_PASSWORD", "TRUSTED_PROXY"]) delete process.env[name];
  (await import("@/lib/env")).resetEnvCache();
  db = (await import("@/lib/db/client")).getDb();
  const setup = await import("@/app/api/auth/setup/route");
  expect((await setup.POST(jsonRequest("/api/auth/setup", ADMIN, { as: null, headers: FORM }))).status).toBe(201);
  login = await import("@/app/api/auth/login/route");
});

afterAll(async () => {
  await db?.$disconnect();
});

async function signIn(email: string, password: string, from: string): Promise<{ status: number; message?: string }> {
  const response = await login.POST(jsonRequest("/api/auth/login", { email, password }, { as: null, headers: { ...FORM, "x-forwarded-for": from } }));
  const body = (await response.json()) as { error?: { message: string } };
  return { status: response.status, message: body.error?.message };
}

describe("sign-in lockout", () => {
  it("locks out the guessing address, not the account: the right password from another address gets in", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(ADMIN.email, `guess ${i}`, "203.0.113.7")).status).toBe(401);
    const locked = await signIn(ADMIN.email, ADMIN.password, "203.0.113.7");
    expect(locked.status).toBe(429);
    expect(locked.message).toMatch(/Too many sign-in attempts for this account from your address/);

    expect((await signIn(ADMIN.email, ADMIN.password, "198.51.100.20")).status).toBe(200);
    // The same account from that other address still has its own ten tries.
    expect((await signIn(ADMIN.email, "a typo", "198.51.100.20")).status).toBe(401);
    expect((await signIn(ADMIN.email, ADMIN.password, "198.51.100.20")).status).toBe(200);
  });

  it("counts an IPv6 client by its /64, so hopping addresses inside it does not reset the count", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(ADMIN.email, `guess ${i}`, `2001:db8:1:2::${(i + 1).toString(16)}`)).status).toBe(401);
    expect((await signIn(ADMIN.email, ADMIN.password, "2001:db8:1:2:ffff::1")).status).toBe(429);
    expect((await signIn(ADMIN.email, ADMIN.password, "2001:db8:1:3::1")).status).toBe(200);
  });

  it("limits one address across accounts too, so it cannot try a password on every account", async () => {
    const from = "192.0.2.44";
    for (let i = 0; i < 50; i++) expect((await signIn(`user${i}@lockout.test`, "password123", from)).status).toBe(401);
    const sprayed = await signIn("another@lockout.test", "password123", from);
    expect(sprayed.status).toBe(429);
    expect(sprayed.message).toMatch(/from your address/);
    expect((await signIn(ADMIN.email, ADMIN.password, "192.0.2.45")).status).toBe(200);
  });
});
