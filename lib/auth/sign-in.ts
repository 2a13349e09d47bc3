// The account routes' logic: set up, sign in, sign out. Each returns the Set-Cookie
// headers the route sends.
import { getEnv } from "../env";
import { AppError } from "../errors";
import { clientGroupOf } from "../http/ip-address";
import { clientAddress } from "../http/request-origin";
import { getRateLimitStore } from "../limits/rate-limiter";
import { clearedSessionCookies, cookieIsSecure, readCookie, SESSION_COOKIE, sessionCookies } from "./cookies";
import { checkCsrf } from "./current-user";
import { createSession, deleteSession } from "./sessions";
import { checkCredentials, createFirstAdmin, normaliseEmail, toUserDto, type UserDto } from "./users";

const WINDOW_MS = 15 * 60_000;
/** Per account and client address: enough for typos, and a guesser elsewhere cannot lock the owner out. */
const ATTEMPTS_PER_ACCOUNT_AND_ADDRESS = 10;
/** Per client address over all accounts: one host cannot try a password on every account either. */
const ATTEMPTS_PER_ADDRESS = 50;

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
  const now = Date.now();
  const buckets = await consumeSignInAttempt(normaliseEmail(input.email), clientGroupOf(clientAddress(request)), now);
  const user = await checkCredentials(input.email, input.password);
  if (!user) throw new AppError(401, "The email or password is not right", "invalid_credentials");
  await Promise.all(buckets.map((bucket) => getRateLimitStore().refund(bucket, WINDOW_MS, 1, now)));
  return { user: toUserDto(user), cookies: await startSession(request, user.id) };
}

/**
 * Counts one sign-in attempt against the account from this client address, and against the
 * address; a successful one is given back. Returns the buckets counted, or throws 429.
 */
async function consumeSignInAttempt(email: string, address: string, now: number): Promise<string[]> {
  const store = getRateLimitStore();
  const limits = [
    { bucket: `login:${email}|${address}`, limit: ATTEMPTS_PER_ACCOUNT_AND_ADDRESS, what: "for this account from your address" },
    { bucket: `login-address:${address}`, limit: ATTEMPTS_PER_ADDRESS, what: "from your address" },
  ];
  const counted: string[] = [];
  for (const { bucket, limit, what } of limits) {
    const attempt = await store.consume(bucket, WINDOW_MS, limit, 1, now);
    if (!attempt.allowed) {
      await Promise.all(counted.map((b) => store.refund(b, WINDOW_MS, 1, now)));
      throw new AppError(429, `Too many sign-in attempts ${what}: try again in ${Math.ceil(attempt.retryAfterMs / 60_000)} minutes`);
    }
    counted.push(bucket);
  }
  return counted;
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
