// The session cookie (HttpOnly: scripts never see it) and its CSRF companion (readable by
// the app's own scripts, which echo it in a header on every state-changing request; its name
// lives in lib/http/csrf.ts, beside the browser side that echoes it).
import { CSRF_COOKIE } from "../http/csrf";
import { requestProtocol } from "../http/request-origin";

export { CSRF_COOKIE, CSRF_HEADER } from "../http/csrf";
export { readCookie } from "../http/read-cookie";

export const SESSION_COOKIE = "sy_session";
export const SESSION_DAYS = 30;

/**
 * Secure when the request came over HTTPS (directly or via a trusted proxy that says so), or
 * when COOKIE_SECURE forces it; plain http on a LAN address would otherwise never keep a session.
 */
export function cookieIsSecure(request: Request, forced: boolean | undefined): boolean {
  if (forced !== undefined) return forced;
  return requestProtocol(request) === "https";
}

export function sessionCookies(token: string, csrf: string, secure: boolean): string[] {
  const maxAge = SESSION_DAYS * 24 * 60 * 60;
  const flags = `Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? "; Secure" : ""}`;
  return [`${SESSION_COOKIE}=${token}; ${flags}; HttpOnly`, `${CSRF_COOKIE}=${csrf}; ${flags}`];
}

export function clearedSessionCookies(secure: boolean): string[] {
  const flags = `Path=/; Max-Age=0; SameSite=Lax${secure ? "; Secure" : ""}`;
  return [`${SESSION_COOKIE}=; ${flags}; HttpOnly`, `${CSRF_COOKIE}=; ${flags}`];
}
