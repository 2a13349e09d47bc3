// Server-side sessions. The cookie holds a random 256-bit token; the database holds only
// its SHA-256, so a copy of the database cannot sign anyone in. Lookups are cached because
// every chat turn and page load asks: fresh for 5 s, then served while a background read
// refreshes them (for up to a minute), so no request waits on the database for a session
// it already knew. Sign-out, disabling a user and role changes drop the cached entries in
// this process at once; changes from another process show within a minute.
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "../db/client";
import { SESSION_DAYS } from "./cookies";

export type Role = "admin" | "member";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const TTL_MS = 5_000;
const STALE_MS = 60_000;
const MAX_CACHED = 10_000;

interface Cached {
  user: SessionUser | null;
  at: number;
}

const globalSessions = globalThis as unknown as { __switchyardSessions?: Map<string, Cached> };
const cache = (globalSessions.__switchyardSessions ??= new Map());

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
  const id = hashToken(token);
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.user;
  if (hit?.user && now - hit.at < STALE_MS) {
    void lookUp(id, now).catch((error) => console.warn("[auth] could not refresh a session:", error));
    return hit.user;
  }
  return lookUp(id, now);
}

const inFlight = new Map<string, Promise<SessionUser | null>>();
// Bumped by every sign-out and user change: a read that started before one must not put
// the old answer back into the cache.
let invalidations = 0;

function lookUp(id: string, now: number): Promise<SessionUser | null> {
  let pending = inFlight.get(id);
  if (!pending) {
    pending = readSession(id, now).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}

async function readSession(id: string, now: number): Promise<SessionUser | null> {
  const startedAt = invalidations;
  const row = await getDb().session.findUnique({ where: { id }, include: { user: true } });
  const valid = row && row.expiresAt.getTime() > now && !row.user.disabledAt;
  const user: SessionUser | null = valid ? { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role === "admin" ? "admin" : "member" } : null;
  if (startedAt === invalidations) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(id, { user, at: now });
  }
  return user;
}

export async function deleteSession(token: string): Promise<void> {
  const id = hashToken(token);
  // The row goes first: a lookup racing this one then either misses it or is discarded.
  await getDb().session.deleteMany({ where: { id } });
  invalidations++;
  cache.delete(id);
}

/** Signs a user out everywhere (disabled, deleted or password changed). */
export async function deleteUserSessions(userId: string, exceptToken?: string): Promise<void> {
  const keep = exceptToken ? hashToken(exceptToken) : undefined;
  await getDb().session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  forgetCachedUser(userId);
}

/** A user's role or name changed: the next request reads it fresh. */
export function forgetCachedUser(userId: string): void {
  invalidations++;
  for (const [id, entry] of cache) if (entry.user?.id === userId) cache.delete(id);
}

export async function deleteExpiredSessions(): Promise<number> {
  const { count } = await getDb().session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
