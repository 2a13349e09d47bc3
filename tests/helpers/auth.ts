// Real accounts and sessions for route-handler tests: a user row, a session made by the
// app's own createSession, and the cookie + CSRF headers a browser of that user would send.
import { randomUUID } from "node:crypto";

export interface TestUser {
  id: string;
  email: string;
  role: "admin" | "member";
  token: string;
  csrf: string;
  /** Cookie, CSRF token and same-origin Origin: what our own pages send. */
  headers: Record<string, string>;
}

let current: TestUser | undefined;

/** Creates a user with a session; it becomes the default user of appRequest/jsonRequest. */
export async function signInAs(options: { role?: "admin" | "member"; email?: string } = {}): Promise<TestUser> {
  const { getDb } = await import("@/lib/db/client");
  const { createSession } = await import("@/lib/auth/sessions");
  const role = options.role ?? "admin";
  const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@test.local`;
  const user = await getDb().user.create({ data: { email, name: email.split("@")[0], role, passwordHash: "not-a-real-hash" } });
  const { token, csrf } = await createSession(user.id);
  current = {
    id: user.id,
    email,
    role,
    token,
    csrf,
    headers: { cookie: `sy_session=${token}; sy_csrf=${csrf}`, "x-csrf-token": csrf, origin: "http://localhost" },
  };
  return current;
}

export function currentTestUser(): TestUser | undefined {
  return current;
}

/** A request to a route handler, sent as `as` (default: the last signed-in test user). */
export function appRequest(url: string, init: RequestInit & { as?: TestUser | null } = {}): Request {
  const { as = current, headers, ...rest } = init;
  const merged = new Headers(as ? as.headers : {});
  new Headers(headers).forEach((value, name) => merged.set(name, value));
  return new Request(url.startsWith("http") ? url : `http://localhost${url}`, { ...rest, headers: merged });
}
