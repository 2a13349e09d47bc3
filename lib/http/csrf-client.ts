// Browser side of the CSRF check (lib/auth/current-user.ts): echo the session's CSRF cookie
// in a header on every request that changes something.
import { CSRF_COOKIE, CSRF_HEADER } from "./csrf";
import { readCookie } from "./read-cookie";

export function csrfHeaders(): Record<string, string> {
  const token = typeof document === "undefined" ? undefined : readCookie(document.cookie, CSRF_COOKIE);
  // The no-login localhost mode has no session: any value shows a same-origin script sent it.
  return { [CSRF_HEADER]: token || "local" };
}

/** JSON request headers for a state-changing call. */
export function jsonWriteHeaders(): Record<string, string> {
  return { "content-type": "application/json", ...csrfHeaders() };
}
