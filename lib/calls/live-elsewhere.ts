// Which calls the live instances have in flight, so that an instance starting up — or sweeping
// while it runs (close-interrupted.ts) — closes only the rows a dead instance left "streaming",
// never a live one's. With Redis each instance keeps its live ids in a set with a heartbeat;
// without it, one process owns every row and nothing is elsewhere.
import { processSingleton } from "../process-singleton";
import { instanceId } from "../redis/bus";
import { getRedis, redisEnabled, redisKey } from "../redis/client";

const HEARTBEAT_MS = 5_000;
/** An instance silent this long is dead: its rows may be closed. */
export const ALIVE_MS = 3 * HEARTBEAT_MS;
/** A call's ids stay announced this long after it ends, so its last ledger write (lazy, within
 * 50 ms) lands before any sweep can take the row for abandoned. */
const FORGET_AFTER_MS = 1_000;
/** Rows younger than this may belong to a call whose registration is still on its way. */
export const SETTLING_MS = 10_000;

const setKey = (id: string) => redisKey(`live:${id}`);

interface Registry {
  timer: NodeJS.Timeout;
}

function beat(): void {
  const now = Date.now();
  const pipeline = getRedis().pipeline();
  pipeline.zadd(redisKey("instances"), now + ALIVE_MS, instanceId());
  pipeline.zremrangebyscore(redisKey("instances"), "-inf", now);
  pipeline.pexpire(setKey(instanceId()), ALIVE_MS);
  pipeline.exec().catch(() => undefined);
}

function ensureHeartbeat(): void {
  processSingleton<Registry>("live-heartbeat", () => {
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    timer.unref();
    return { timer };
  });
}

/** Records ids (ledger row, answer) of a call in flight here; returns what forgets them. */
export function announceLive(ids: string[]): () => void {
  if (!redisEnabled() || ids.length === 0) return () => {};
  ensureHeartbeat();
  const key = setKey(instanceId());
  getRedis()
    .multi()
    .sadd(key, ...ids)
    .pexpire(key, ALIVE_MS)
    .exec()
    .catch(() => undefined);
  return () => {
    setTimeout(() => void getRedis().srem(key, ...ids).catch(() => undefined), FORGET_AFTER_MS).unref();
  };
}

/**
 * Ids live on the instances alive now (this one too with `includeSelf`); null when there is no
 * Redis (nothing elsewhere).
 */
export async function liveElsewhere(includeSelf = false): Promise<Set<string> | null> {
  if (!redisEnabled()) return null;
  const redis = getRedis();
  const alive = (await redis.zrangebyscore(redisKey("instances"), Date.now(), "+inf")).filter((id) => includeSelf || id !== instanceId());
  if (alive.length === 0) return new Set();
  return new Set(await redis.sunion(...alive.map(setKey)));
}
