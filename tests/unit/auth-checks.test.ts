// The pure parts of accounts, case by case: which requests the CSRF check lets through, whose
// usage a usage query may read, and when cookies are Secure.
import { describe, expect, it } from "vitest";
import { checkCsrf } from "@/lib/auth/current-user";
import { cookieIsSecure, readCookie, sessionCookies } from "@/lib/auth/cookies";
import { csrfTokenFor } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { usageScope } from "@/lib/usage/request";
import { ALL_USERS } from "@/lib/usage/scope";

const TOKEN = "session-token-0123456789";
const CSRF = csrfTokenFor(TOKEN);

function statusOf(fn: () => unknown): number {
  try {
    fn();
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

function csrf(headers: Record<string, string>, session: string | null = TOKEN): number {
  return statusOf(() => checkCsrf(new Request("http://switchyard.lan:3000/api/keys", { method: "POST", headers }), session ?? undefined));
}

describe("checkCsrf", () => {
  const own = { host: "switchyard.lan:3000", origin: "http://switchyard.lan:3000", "x-csrf-token": CSRF };

  it("lets our own page through, with or without Origin and Sec-Fetch-Site", () => {
    expect(csrf(own)).toBe(200);
    expect(csrf({ ...own, "sec-fetch-site": "same-origin" })).toBe(200);
    expect(csrf({ host: own.host, "x-csrf-token": CSRF })).toBe(200);
    // Behind a proxy the browser's origin is the public host the proxy names.
    expect(csrf({ ...own, host: "127.0.0.1:3000", "x-forwarded-host": "switchyard.lan:3000" })).toBe(200);
  });

  it("refuses a missing or wrong token, another origin, and cross-site or same-site fetches", () => {
    expect(csrf({ ...own, "x-csrf-token": "" })).toBe(403);
    expect(csrf({ ...own, "x-csrf-token": csrfTokenFor("another session") })).toBe(403);
    expect(csrf({ ...own, origin: "http://evil.example" })).toBe(403);
    expect(csrf({ ...own, origin: "http://switchyard.lan:4000" })).toBe(403);
    expect(csrf({ ...own, origin: "null" })).toBe(403);
    expect(csrf({ ...own, origin: "not a url" })).toBe(403);
    expect(csrf({ ...own, "sec-fetch-site": "cross-site" })).toBe(403);
    expect(csrf({ ...own, "sec-fetch-site": "same-site" })).toBe(403);
  });

  it("compares Origin with the request's own URL when no Host header came", () => {
    const { host: _host, ...noHost } = own;
    expect(csrf(noHost)).toBe(200);
    expect(csrf({ ...noHost, origin: "http://evil.example" })).toBe(403);
  });

  it("without a session (sign-in form, no-login mode) still needs some token from our own scripts", () => {
    expect(csrf({ ...own, "x-csrf-token": "local" }, null)).toBe(200);
    expect(csrf({ host: own.host, origin: own.origin }, null)).toBe(403);
    expect(csrf({ ...own, "x-csrf-token": "local", "sec-fetch-site": "cross-site" }, null)).toBe(403);
  });
});

describe("usageScope", () => {
  const member = { id: "u-member", role: "member" };
  const admin = { id: "u-admin", role: "admin" };

  it("gives everyone their own usage by default, as me, or by their own id", () => {
    for (const requested of [undefined, "me", member.id]) expect(usageScope(member, requested)).toBe(member.id);
    expect(usageScope(admin, undefined)).toBe(admin.id);
  });

  it("lets only an admin read another user's or everyone's usage", () => {
    expect(statusOf(() => usageScope(member, "u-other"))).toBe(403);
    expect(statusOf(() => usageScope(member, "all"))).toBe(403);
    expect(usageScope(admin, "u-other")).toBe("u-other");
    expect(usageScope(admin, "all")).toBe(ALL_USERS);
    expect(statusOf(() => usageScope(admin, "x".repeat(65)))).toBe(400);
  });
});

describe("session cookies", () => {
  const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

  it("are Secure over HTTPS, behind a proxy that says so, or when forced", () => {
    expect(cookieIsSecure(request("http://lan:3000/"), undefined)).toBe(false);
    expect(cookieIsSecure(request("https://example.com/"), undefined)).toBe(true);
    expect(cookieIsSecure(request("http://lan:3000/", { "x-forwarded-proto": "https, http" }), undefined)).toBe(true);
    expect(cookieIsSecure(request("http://lan:3000/"), true)).toBe(true);
    expect(cookieIsSecure(request("https://example.com/"), false)).toBe(false);
  });

  it("keep the session HttpOnly and let scripts read only the CSRF token", () => {
    const [session, token] = sessionCookies("tok", "csrf", true);
    expect(session).toBe("sy_session=tok; Path=/; Max-Age=2592000; SameSite=Lax; Secure; HttpOnly");
    expect(token).toBe("sy_csrf=csrf; Path=/; Max-Age=2592000; SameSite=Lax; Secure");
    expect(readCookie("a=1; sy_session=tok; sy_csrf=csrf", "sy_session")).toBe("tok");
    expect(readCookie("sy_session=%E0%A4%A", "sy_session")).toBeUndefined();
  });
});

