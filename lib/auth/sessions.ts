// Server-side sessions. The cookie holds a random 256-bit token; the database holds only
// its SHA-256, so a copy of the database cannot sign anyone in. Lookups are cached because
// every chat turn and page load asks: fresh for 5 s, then served while a background read
// refreshes them (for up to a minute), so no request waits on the database for a session
// it already knew. Sign-out, disabling a user and role changes drop the cached entries in
// this process and, through the bus (Redis), in every other instance at once.
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "../db/client";
import { processSingleton } from "../process-singleton";
import { broadcast, onBroadcast } from "../redis/bus";
import { SESSION_DAYS } from "./cookies";
import { RefreshingCache } from "./refreshing-cache";

export type Role = "admin" | "member";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const cache = processSingleton("session-cache", () => new RefreshingCache(readSession, {
  freshMs: 5_000,
  staleMs: 60_000,
  maxEntries: 10_000,
  // An unknown token is read again after the fresh period: it may have just signed in.
  servesStale: (user) => user !== null,
  label: "a session",
}));

onBroadcast<string>("session-dropped", (id) => cache.delete(id));
onBroadcast<string>("session-user-changed", (userId) => cache.deleteWhere((user) => user?.id === userId));

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The CSRF token of a session: derived from its secret token, so it needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash("sha256").update(`csrf:${sessionToken}`).digest("base64url");
}

export async function createSession(userId: string, userAgent = ""): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await getDb().session.create({ data: { id: hashToken(token), userId, expiresAt, userAgent: userAgent.slice(0, 300) } });
  return { token, csrf: csrfTokenFor(token) };
}

export async function findSessionUser(token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  return cache.get(hashToken(token));
}

async function readSession(id: string): Promise<SessionUser | null> {
  const row = await getDb().session.findUnique({ where: { id }, include: { user: true } });
  const valid = row && row.expiresAt.getTime() > Date.now() && !row.user.disabledAt;
  return valid ? { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role === "admin" ? "admin" : "member" } : null;
}

export async function deleteSession(token: string): Promise<void> {
  const id = hashToken(token);
  // The row goes first: a lookup racing this one then either misses it or is discarded.
  await getDb().session.deleteMany({ where: { id } });
  await broadcast("session-dropped", id);
}

/** Signs a user out everywhere (disabled, deleted or password changed). */
export async function deleteUserSessions(userId: string, exceptToken?: string): Promise<void> {
  const keep = exceptToken ? hashToken(exceptToken) : undefined;
  await getDb().session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  await forgetCachedUser(userId);
}

/** A user's role or name changed: the next request reads it fresh. */
export async function forgetCachedUser(userId: string): Promise<void> {
  await broadcast("session-user-changed", userId);
}

export async function deleteExpiredSessions(): Promise<number> {
  const { count } = await getDb().session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
