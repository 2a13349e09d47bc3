// Accounts through their real route handlers on a fresh database: first-run setup, sign-in
// and its rate limit, sign-out, CSRF and cross-site checks, password changes, disabling a
// user (sessions, sign-in and API keys), and the last admin. Sessions come from the routes'
// own Set-Cookie headers, as a browser would keep them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, type TestUser } from "../helpers/auth";
import { jsonRequest } from "../helpers/chat-client";
import { createTestDatabase } from "../helpers/test-db";

let r: Awaited<ReturnType<typeof loadRoutes>>;
let db: ReturnType<typeof import("@/lib/db/client").getDb>;
let resetEnvCache: () => void;
let api: { url: string; close(): Promise<void> };
let owner: TestUser;

const OWNER = { email: "Owner@Test.local", name: "Owner", password: "correct horse battery" };
/** What our own sign-in page sends: same origin, and a CSRF header (no session yet). */
const FORM = { "x-csrf-token": "local", origin: "http://localhost" };

async function loadRoutes() {
  return {
    setup: await import("@/app/api/auth/setup/route"),
    login: await import("@/app/api/auth/login/route"),
    logout: await import("@/app/api/auth/logout/route"),
    me: await import("@/app/api/auth/me/route"),
    password: await import("@/app/api/auth/password/route"),
    users: await import("@/app/api/users/route"),
    user: await import("@/app/api/users/[id]/route"),
    keys: await import("@/app/api/keys/route"),
  };
}

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: createTestDatabase(), SANDBOX_ENABLED: "true", SANDBOX_SPEED: "50", CATALOG_REFRESH_HOURS: "0" });
  for (const name of ["SANDBOX_BASE_URL", "LOCAL_NO_LOGIN", "COOKIE_SECURE", "HOST", "ADMIN_EMAIL", "ADMIN_PASSWORD"]) delete process.env[name];
  resetEnvCache = (await import("@/lib/env")).resetEnvCache;
  resetEnvCache();
  r = await loadRoutes();
  db = (await import("@/lib/db/client")).getDb();
  api = await (await import("@/lib/server/api-server")).startApiServer();
});

afterAll(async () => {
  await api?.close();
  await db?.$disconnect();
});

function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((c) => [c.slice(0, c.indexOf("=")), c]));
}

/** The browser's view of a signed-in response: its cookies and the CSRF header our pages echo. */
function sessionOf(response: Response, user: { id: string; email: string; role: "admin" | "member" }): TestUser {
  const value = (name: string) => cookiesOf(response).get(name)!.split(";")[0].slice(name.length + 1);
  const [token, csrf] = [value("sy_session"), value("sy_csrf")];
  return { ...user, token, csrf, headers: { cookie: `sy_session=${token}; sy_csrf=${csrf}`, "x-csrf-token": csrf, origin: "http://localhost" } };
}

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  r.login.POST(jsonRequest("/api/auth/login", { email, password }, { as: null, headers: { ...FORM, ...headers } }));

async function signIn(email: string, password: string): Promise<TestUser> {
  const response = await login(email, password);
  expect(response.status).toBe(200);
  const { user } = (await response.json()) as { user: { id: string; email: string; role: "admin" | "member" } };
  return sessionOf(response, user);
}

const me = async (as: TestUser | null) => (await r.me.GET(appRequest("/api/auth/me", { as }))).status;
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const patchUser = (id: string, body: unknown, as = owner) => r.user.PATCH(jsonRequest(`/api/users/${id}`, body, { as, method: "PATCH" }), params(id));

async function createMember(email: string, password = "member password 1"): Promise<{ id: string; email: string; password: string }> {
  const response = await r.users.POST(jsonRequest("/api/users", { email, name: email.split("@")[0], password }, { as: owner }));
  expect(response.status).toBe(201);
  return { ...((await response.json()) as { user: { id: string } }).user, email, password };
}

describe("first-run setup", () => {
  it("creates the first admin, signs them in with HttpOnly SameSite cookies, and closes", async () => {
    const response = await r.setup.POST(jsonRequest("/api/auth/setup", OWNER, { as: null, headers: FORM }));
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: { id: string; email: string; role: "admin" } };
    expect(user).toMatchObject({ email: "owner@test.local", role: "admin", disabled: false });
    expect(response.headers.get("cache-control")).toBe("no-store");

    const cookies = cookiesOf(response);
    const session = cookies.get("sy_session")!;
    expect(session).toMatch(/^sy_session=[A-Za-z0-9_-]{43}; /);
    expect(session).toContain("HttpOnly");
    expect(session).toContain("SameSite=Lax");
    expect(session).toContain("Path=/");
    expect(session).toContain(`Max-Age=${30 * 86_400}`);
    expect(session).not.toContain("Secure");
    // The CSRF cookie is read by our own scripts, so it must not be HttpOnly.
    expect(cookies.get("sy_csrf")).toContain("SameSite=Lax");
    expect(cookies.get("sy_csrf")).not.toContain("HttpOnly");

    owner = sessionOf(response, user);
    expect(await me(owner)).toBe(200);

    const again = await r.setup.POST(jsonRequest("/api/auth/setup", { ...OWNER, email: "intruder@test.local" }, { as: null, headers: FORM }));
    expect(again.status).toBe(409);
    expect(await db.user.count()).toBe(1);
  });

  it("marks cookies Secure behind an HTTPS proxy or when COOKIE_SECURE=true", async () => {
    const proxied = await login(OWNER.email, OWNER.password, { "x-forwarded-proto": "https" });
    expect([...cookiesOf(proxied).values()].every((c) => c.includes("; Secure"))).toBe(true);

    process.env.COOKIE_SECURE = "true";
    resetEnvCache();
    try {
      const forced = await login(OWNER.email, OWNER.password);
      expect([...cookiesOf(forced).values()].every((c) => c.includes("; Secure"))).toBe(true);
    } finally {
      delete process.env.COOKIE_SECURE;
      resetEnvCache();
    }
  });
});

describe("sign-in and sign-out", () => {
  it("signs in with the right password; a wrong password and an unknown email get the same 401", async () => {
    expect(await me(await signIn("OWNER@test.local", OWNER.password))).toBe(200);
    const wrong = await login(OWNER.email, "not the password");
    const unknown = await login("nobody@test.local", OWNER.password);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it("refuses the 11th attempt for one account within 15 minutes, even with the right password", async () => {
    const member = await createMember("guessed@test.local");
    for (let i = 0; i < 10; i++) expect((await login(member.email, `guess ${i}`)).status).toBe(401);
    const eleventh = await login(member.email, member.password);
    expect(eleventh.status).toBe(429);
    expect(((await eleventh.json()) as { error: { message: string } }).error.message).toMatch(/Too many sign-in attempts/);
    // Another account is not locked out by it.
    expect((await login(OWNER.email, OWNER.password)).status).toBe(200);
  });

  it("signing out ends the session on the server and clears the cookies", async () => {
    const session = await signIn(OWNER.email, OWNER.password);
    const response = await r.logout.POST(jsonRequest("/api/auth/logout", {}, { as: session }));
    expect(response.status).toBe(200);
    expect([...cookiesOf(response).values()].every((c) => c.includes("Max-Age=0"))).toBe(true);
    // The old cookie, replayed, no longer signs anyone in.
    expect(await me(session)).toBe(401);
    expect(await me(owner)).toBe(200);
  });
});

describe("cross-site request checks", () => {
  it("refuses a state change without the CSRF token, with a wrong one, from another origin or cross-site — and changes nothing", async () => {
    const member = await createMember("target@test.local");
    const attempts: Record<string, Record<string, string>> = {
      "no token": { "x-csrf-token": "" },
      "wrong token": { "x-csrf-token": "x".repeat(43) },
      "another origin": { origin: "http://evil.example" },
      "another origin behind the same host header": { origin: "http://evil.example", host: "localhost" },
      "sec-fetch-site cross-site": { "sec-fetch-site": "cross-site" },
      "origin null": { origin: "null" },
    };
    for (const [name, headers] of Object.entries(attempts)) {
      const created = await r.keys.POST(jsonRequest("/api/keys", { name: "forged" }, { as: owner, headers }));
      const disabled = await patchUser(member.id, { disabled: true }, { ...owner, headers: { ...owner.headers, ...headers } });
      expect(`${name}: ${created.status} ${disabled.status}`).toBe(`${name}: 403 403`);
    }
    expect(await db.apiKey.count()).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).disabledAt).toBeNull();
    // A cross-site sign-in form is refused as well (login CSRF).
    expect((await login(OWNER.email, OWNER.password, { "sec-fetch-site": "cross-site" })).status).toBe(403);

    // The same requests from our own page go through.
    expect((await r.keys.POST(jsonRequest("/api/keys", { name: "mine" }, { as: owner }))).status).toBe(201);
  });

  it("needs no CSRF token to read", async () => {
    const response = await r.keys.GET(appRequest("/api/keys", { as: owner, headers: { "x-csrf-token": "" } }));
    expect(response.status).toBe(200);
  });
});

describe("passwords and disabled accounts", () => {
  it("changing one's own password needs the current one, ends the other sessions and keeps this one", async () => {
    const member = await createMember("changer@test.local");
    const here = await signIn(member.email, member.password);
    const elsewhere = await signIn(member.email, member.password);
    const change = (currentPassword: string) =>
      r.password.POST(jsonRequest("/api/auth/password", { currentPassword, newPassword: "a brand new secret" }, { as: here }));

    const wrong = await change("not my password");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { param: string } }).error.param).toBe("currentPassword");
    expect(await me(elsewhere)).toBe(200);

    expect((await change(member.password)).status).toBe(200);
    expect(await me(here)).toBe(200);
    expect(await me(elsewhere)).toBe(401);
    expect((await login(member.email, member.password)).status).toBe(401);
    expect((await login(member.email, "a brand new secret")).status).toBe(200);
  });

  it("disabling a user ends their sessions, blocks sign-in and makes their API key answer 401", async () => {
    const member = await createMember("leaver@test.local");
    const session = await signIn(member.email, member.password);
    const created = await r.keys.POST(jsonRequest("/api/keys", { name: "leaver's key" }, { as: session }));
    const { key } = (await created.json()) as { key: string };
    const callApi = () =>
      fetch(`${api.url}/api/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "sandbox/echo-free", messages: [{ role: "user", content: "hi [[sandbox:tokens=3]]" }] }),
      });
    expect((await callApi()).status).toBe(200);

    const disabled = await patchUser(member.id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { user: { disabled: boolean } }).user.disabled).toBe(true);
    expect(await me(session)).toBe(401);
    const refused = await login(member.email, member.password);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(await (await login("nobody@test.local", "whatever")).json());
    const viaApi = await callApi();
    expect(viaApi.status).toBe(401);
    expect(await viaApi.json()).toMatchObject({ error: { type: "authentication_error", code: "invalid_api_key", message: expect.stringMatching(/disabled/) } });

    // Enabled again: the same password and key work, the old session stays ended.
    expect((await patchUser(member.id, { disabled: false })).status).toBe(200);
    expect((await login(member.email, member.password)).status).toBe(200);
    expect((await callApi()).status).toBe(200);
    expect(await me(session)).toBe(401);
  });
});

describe("the last admin", () => {
  it("can be neither demoted nor disabled", async () => {
    for (const change of [{ role: "member" }, { disabled: true }]) {
      const response = await patchUser(owner.id, change);
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/at least one active admin/);
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect([row.role, row.disabledAt]).toEqual(["admin", null]);
    expect(await me(owner)).toBe(200);
  });

  it("does not count a disabled admin as active: demoting one is allowed", async () => {
    const second = await r.users.POST(jsonRequest("/api/users", { email: "deputy@test.local", name: "Deputy", password: "deputy password", role: "admin" }, { as: owner }));
    const deputy = ((await second.json()) as { user: { id: string } }).user;
    expect((await patchUser(deputy.id, { disabled: true })).status).toBe(200);
    const demoted = await patchUser(deputy.id, { role: "member" });
    expect(demoted.status).toBe(200);
    expect(((await demoted.json()) as { user: { role: string } }).user.role).toBe("member");
    // The owner is still the one active admin.
    expect((await patchUser(owner.id, { role: "member" })).status).toBe(409);
  });

  it("two admins demoting each other at the same moment: exactly one succeeds", async () => {
    const created = await r.users.POST(jsonRequest("/api/users", { email: "rival@test.local", name: "Rival", password: "rival password", role: "admin" }, { as: owner }));
    const rivalId = ((await created.json()) as { user: { id: string } }).user.id;
    const { token, csrf } = await (await import("@/lib/auth/sessions")).createSession(rivalId);
    const rival: TestUser = { id: rivalId, email: "rival@test.local", role: "admin", token, csrf, headers: { cookie: `sy_session=${token}; sy_csrf=${csrf}`, "x-csrf-token": csrf, origin: "http://localhost" } };
    const [first, second] = await Promise.all([patchUser(rivalId, { role: "member" }), patchUser(owner.id, { role: "member" }, rival)]);
    // The loser is refused either by the last-admin rule (409) or, when the winner committed before the
    // loser's request was authorised, because the loser is no longer an admin (403). Either way exactly one wins.
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await db.user.count({ where: { role: "admin", disabledAt: null, passwordHash: { not: null } } })).toBe(1);
  });
});
