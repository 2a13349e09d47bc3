import { requestProtocol } from "../http/request-origin";

// The session cookie (HttpOnly: scripts never see it) and its CSRF companion (readable by
// the app's own scripts, which echo it in a header on every state-changing request).
export const SESSION_COOKIE = "sy_session";
export const CSRF_COOKIE = "sy_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const SESSION_DAYS = 30;

export function readCookie(cookieHeader: string | null | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

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
