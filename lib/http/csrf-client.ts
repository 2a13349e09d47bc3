// Browser side of the CSRF check (lib/auth/current-user.ts): echo the session's CSRF cookie
// in a header on every request that changes something.
const CSRF_COOKIE = "sy_csrf";

export function csrfHeaders(): Record<string, string> {
  const match = typeof document === "undefined" ? null : document.cookie.match(new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]*)`));
  // The no-login localhost mode has no session: any value shows a same-origin script sent it.
  return { "x-csrf-token": match ? decodeURIComponent(match[1]) : "local" };
}

/** JSON request headers for a state-changing call. */
export function jsonWriteHeaders(): Record<string, string> {
  return { "content-type": "application/json", ...csrfHeaders() };
}
