// Who is making this request: the signed-in user of the session cookie (or, in the
// explicit no-login localhost mode, the local admin). State-changing requests must also
// pass the CSRF checks. Route handlers call requireUser / requireAdmin first.
import { AppError } from "../errors";
import { requestOrigin } from "../http/request-origin";
import { CSRF_HEADER, SESSION_COOKIE, readCookie } from "./cookies";
import { localModeUser } from "./local-mode";
import { csrfTokenFor, findSessionUser, type SessionUser } from "./sessions";

export type { SessionUser } from "./sessions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function requireUser(request: Request): Promise<SessionUser> {
  const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  const sessionUser = await findSessionUser(token);
  const user = sessionUser ?? (await localModeUser());
  if (!user) throw new AppError(401, "Sign in to continue", "unauthorized");
  if (!SAFE_METHODS.has(request.method)) checkCsrf(request, sessionUser ? token : undefined);
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") throw new AppError(403, "Only an admin can do this", "forbidden");
  return user;
}

/** For server components: the user behind a cookie header, or null (never throws). */
export async function userFromCookieHeader(cookieHeader: string | null): Promise<SessionUser | null> {
  return (await findSessionUser(readCookie(cookieHeader, SESSION_COOKIE))) ?? (await localModeUser());
}

/**
 * Cross-site requests are refused three ways: the browser's own Sec-Fetch-Site and Origin
 * must not name another site (or another scheme or port of this one), and the request must
 * carry the session's CSRF token in a header, which a form on another site cannot add and a
 * cross-site fetch cannot send without a CORS preflight we never grant.
 */
export function checkCsrf(request: Request, sessionToken: string | undefined): void {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") throw new AppError(403, "Cross-site request refused", "csrf_failed");
  const origin = request.headers.get("origin");
  if (origin !== null) checkOrigin(origin, requestOrigin(request));
  const sent = request.headers.get(CSRF_HEADER);
  const expected = sessionToken ? csrfTokenFor(sessionToken) : undefined;
  if (!sent || (expected !== undefined && sent !== expected)) {
    throw new AppError(403, "Missing or invalid CSRF token: reload the page and try again", "csrf_failed");
  }
}

/** Scheme, host and port must all match: an https page is another origin than this http server. */
function checkOrigin(origin: string, own: string): void {
  let sent: URL;
  try {
    sent = new URL(origin);
  } catch {
    throw new AppError(403, "Cross-site request refused", "csrf_failed");
  }
  if (sent.origin === own) return;
  // The one mismatch an operator causes rather than an attacker: TLS ended by a proxy this server does not trust.
  const sameHost = own.endsWith(`://${sent.host}`) && sent.protocol === "https:";
  const hint = sameHost ? ": this server was reached over plain http; behind an HTTPS reverse proxy, list the proxy in TRUSTED_PROXY" : "";
  throw new AppError(403, `Cross-site request refused${hint}`, "csrf_failed");
}
