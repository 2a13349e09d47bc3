// The CSRF companion of the session cookie (lib/auth/cookies.ts): readable by the app's own scripts,
// which echo it in this header on every state-changing request (lib/auth/current-user.ts checks it).
export const CSRF_COOKIE = "sy_csrf";
export const CSRF_HEADER = "x-csrf-token";
