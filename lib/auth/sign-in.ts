// The account routes' logic: set up, sign in, sign out. Each returns the Set-Cookie
// headers the route sends.
import { getEnv } from "../env";
import { AppError } from "../errors";
import { getRateLimitStore } from "../limits/rate-limiter";
import { clearedSessionCookies, cookieIsSecure, readCookie, SESSION_COOKIE, sessionCookies } from "./cookies";
import { checkCsrf } from "./current-user";
import { createSession, deleteSession } from "./sessions";
import { checkCredentials, createFirstAdmin, normaliseEmail, toUserDto, type UserDto } from "./users";

const ATTEMPTS_PER_WINDOW = 10;
const WINDOW_MS = 15 * 60_000;

export interface SignedIn {
  user: UserDto;
  cookies: string[];
}

async function startSession(request: Request, userId: string): Promise<string[]> {
  const { token, csrf } = await createSession(userId, request.headers.get("user-agent") ?? "");
  return sessionCookies(token, csrf, cookieIsSecure(request, getEnv().COOKIE_SECURE));
}

/** Sign-in forms are posted by our own page: the same cross-site checks, minus a session token. */
function checkSameSite(request: Request): void {
  checkCsrf(request, undefined);
}

export async function setUp(request: Request, input: { email: string; name: string; password: string }): Promise<SignedIn> {
  checkSameSite(request);
  const user = await createFirstAdmin(input);
  return { user: toUserDto(user), cookies: await startSession(request, user.id) };
}

export async function signIn(request: Request, input: { email: string; password: string }): Promise<SignedIn> {
  checkSameSite(request);
  // Guessing passwords is slowed per account: 10 tries per 15 minutes.
  const store = getRateLimitStore();
  const bucket = `login:${normaliseEmail(input.email)}`;
  const now = Date.now();
  const attempt = await store.consume(bucket, WINDOW_MS, ATTEMPTS_PER_WINDOW, 1, now);
  if (!attempt.allowed) {
    throw new AppError(429, `Too many sign-in attempts for this account: try again in ${Math.ceil(attempt.retryAfterMs / 60_000)} minutes`);
  }
  const user = await checkCredentials(input.email, input.password);
  if (!user) throw new AppError(401, "The email or password is not right", "invalid_credentials");
  await store.refund(bucket, WINDOW_MS, 1, now);
  return { user: toUserDto(user), cookies: await startSession(request, user.id) };
}

export async function signOut(request: Request): Promise<string[]> {
  const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  if (token) await deleteSession(token);
  return clearedSessionCookies(cookieIsSecure(request, getEnv().COOKIE_SECURE));
}

export function withCookies(response: Response, cookies: string[]): Response {
  for (const cookie of cookies) response.headers.append("set-cookie", cookie);
  response.headers.set("cache-control", "no-store");
  return response;
}
