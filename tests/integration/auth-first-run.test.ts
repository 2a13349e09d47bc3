// How a fresh install gets its first account without the setup page: the no-login mode for
// one person on their own machine (loopback only), then ADMIN_EMAIL / ADMIN_PASSWORD at
// start-up, which creates the admin once and keeps what the local user already had.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest } from "../helpers/auth";
import { jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";

let resetEnvCache: () => void;
let prepareAccounts: () => Promise<void>;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let me: typeof import("@/app/api/auth/me/route");
let keys: typeof import("@/app/api/keys/route");
let login: typeof import("@/app/api/auth/login/route");
let setup: typeof import("@/app/api/auth/setup/route");

/** What our own page sends in the no-login mode: same origin, and a CSRF header without a session. */
const PAGE = { "x-csrf-token": "local", origin: "http://localhost" };

function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
}

beforeAll(async () => {
  process.env.DATABASE_URL = createTestDatabase();
  for (const name of ["LOCAL_NO_LOGIN", "HOST", "ADMIN_EMAIL", "ADMIN_PASSWORD", "COOKIE_SECURE", "LOCAL_USER_EMAIL"]) delete process.env[name];
  resetEnvCache = (await import("@/lib/env")).resetEnvCache;
  resetEnvCache();
  prepareAccounts = (await import("@/lib/server/prepare-accounts")).prepareAccounts;
  db = (await import("@/lib/db/client")).getDb();
  me = await import("@/app/api/auth/me/route");
  keys = await import("@/app/api/keys/route");
  login = await import("@/app/api/auth/login/route");
  setup = await import("@/app/api/auth/setup/route");
});

afterAll(async () => {
  setEnv({ LOCAL_NO_LOGIN: undefined, HOST: undefined, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  await db?.$disconnect();
});

const whoAmI = () => me.GET(appRequest("/api/auth/me", { as: null }));
const createKey = (name: string, headers: Record<string, string> = PAGE) => keys.POST(jsonRequest("/api/keys", { name }, { as: null, headers }));
const signIn = (email: string, password: string) => login.POST(jsonRequest("/api/auth/login", { email, password }, { as: null, headers: PAGE }));

describe("LOCAL_NO_LOGIN", () => {
  it("lets requests without a session act as the local admin while the server listens on loopback", async () => {
    for (const host of ["127.0.0.1", "::1", "localhost"]) {
      setEnv({ LOCAL_NO_LOGIN: "true", HOST: host });
      const response = await whoAmI();
      expect(`${host}: ${response.status}`).toBe(`${host}: 200`);
      expect(await response.json()).toMatchObject({ user: { email: "local@switchyard.local", role: "admin" }, localMode: true });
    }
    expect((await createKey("made without signing in")).status).toBe(201);
    // Cross-site protection still applies: another site cannot use the local admin either.
    expect((await createKey("forged", { origin: "http://evil.example", "x-csrf-token": "local" })).status).toBe(403);
    expect((await createKey("forged", { origin: "http://localhost" })).status).toBe(403);
    expect(await db.apiKey.count({ where: { name: "forged" } })).toBe(0);
  });

  it("is ignored when the server listens on any other address", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20"]) {
      setEnv({ LOCAL_NO_LOGIN: "true", HOST: host });
      expect(`${host}: ${(await whoAmI()).status}`).toBe(`${host}: 401`);
      expect(`${host}: ${(await createKey("over the network")).status}`).toBe(`${host}: 401`);
    }
    setEnv({ LOCAL_NO_LOGIN: "false", HOST: "127.0.0.1" });
    expect((await whoAmI()).status).toBe(401);
    expect(await db.apiKey.count({ where: { name: "over the network" } })).toBe(0);
  });
});

describe("ADMIN_EMAIL and ADMIN_PASSWORD", () => {
  it("create the first admin at start-up, once, keeping the local user's data", async () => {
    setEnv({ LOCAL_NO_LOGIN: undefined, HOST: undefined, ADMIN_EMAIL: "Boss@Test.local", ADMIN_PASSWORD: "first admin password" });
    await prepareAccounts();
    const signedIn = await signIn("boss@test.local", "first admin password");
    expect(signedIn.status).toBe(200);
    const { user } = (await signedIn.json()) as { user: { id: string; role: string } };
    expect(user.role).toBe("admin");
    // The no-login user became this admin: the key it made is still there, now the admin's.
    expect(await db.user.count()).toBe(1);
    expect((await db.apiKey.findFirstOrThrow({ where: { name: "made without signing in" } })).userId).toBe(user.id);

    // A later start with another password changes nothing: the admin's password is theirs now.
    setEnv({ ADMIN_EMAIL: "boss@test.local", ADMIN_PASSWORD: "changed in the env file" });
    await prepareAccounts();
    expect((await signIn("boss@test.local", "changed in the env file")).status).toBe(401);
    expect((await signIn("boss@test.local", "first admin password")).status).toBe(200);
    setEnv({ ADMIN_EMAIL: "other@test.local", ADMIN_PASSWORD: "another admin password" });
    await prepareAccounts();
    expect(await db.user.count()).toBe(1);

    const setupAgain = await setup.POST(jsonRequest("/api/auth/setup", { email: "late@test.local", name: "Late", password: "too late now" }, { as: null, headers: PAGE }));
    expect(setupAgain.status).toBe(409);
  });
});
