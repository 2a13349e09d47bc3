// A lock held across instances (SET NX PX with a token, released only by its holder), for
// work that one instance should do for all: the catalog refresh. Without Redis the work
// just runs: one process needs no lock beyond its own in-flight promise.
import { randomUUID } from "node:crypto";
import { getRedis, redisEnabled, redisKey } from "./client";
import { runScript } from "./run-script";

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Runs `work` if no other instance holds `name`; returns false (without running it) when one does. */
export async function withSharedLock(name: string, ttlMs: number, work: () => Promise<void>): Promise<boolean> {
  if (!redisEnabled()) {
    await work();
    return true;
  }
  const key = redisKey(`lock:${name}`);
  const token = randomUUID();
  let taken: string | null;
  try {
    taken = await getRedis().set(key, token, "PX", ttlMs, "NX");
  } catch (error) {
    // Doing the work twice is harmless here; not doing it at all would leave a stale catalog.
    console.warn(`[redis] could not take the ${name} lock, running without it:`, error instanceof Error ? error.message : error);
    await work();
    return true;
  }
  if (taken !== "OK") return false;
  try {
    await work();
  } finally {
    await runScript(getRedis(), "switchyardReleaseLock", RELEASE, [key], [token]).catch(() => undefined);
  }
  return true;
}
