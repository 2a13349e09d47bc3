// The one Redis connection of the process, or none: with REDIS_URL unset every store stays
// in memory and nothing here is ever called. ioredis because it keeps reconnecting on its
// own, defines Lua scripts as commands (EVALSHA with a fallback to EVAL), and speaks pub/sub
// on a duplicated connection.
//
// A command fails fast while Redis is away (one retry, a 2 s timeout) instead of queueing
// for ever: callers fail closed (a 503 with a clear message), never fall back to
// per-instance state.
import { Redis } from "ioredis";
import { getEnv } from "../env";
import { peekProcessSingleton, processSingleton, resetProcessSingletons } from "../process-singleton";

export function redisEnabled(): boolean {
  return getEnv().REDIS_URL !== undefined;
}

/** Every key and channel name goes through here, so one Redis can hold several deployments. */
export function redisKey(name: string): string {
  return `${getEnv().REDIS_KEY_PREFIX}${name}`;
}

function connect(role: string): Redis {
  const url = getEnv().REDIS_URL;
  if (!url) throw new Error("REDIS_URL is not set");
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(100 * times, 1_000),
    // A subscriber must not time out its long-lived SUBSCRIBE.
    ...(role === "subscriber" ? { commandTimeout: undefined } : {}),
  });
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    console.error(`[redis] ${role} connection lost (${error.message}); shared limits fail closed until it is back`);
  });
  client.on("ready", () => {
    if (down) console.warn(`[redis] ${role} connection back`);
    down = false;
  });
  return client;
}

/** Commands and Lua scripts. */
export function getRedis(): Redis {
  return processSingleton("redis-client", () => connect("command"));
}

/** A second connection: one in subscriber mode can send nothing else. */
export function getRedisSubscriber(): Redis {
  return processSingleton("redis-subscriber", () => connect("subscriber"));
}

/** For /api/ready: whether Redis answers right now (null when it is not configured). */
export async function checkRedis(): Promise<{ ok: boolean; error?: string } | null> {
  if (!redisEnabled()) return null;
  try {
    await getRedis().ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Closes both connections (shutdown, tests). */
export async function closeRedis(): Promise<void> {
  const clients = ["redis-client", "redis-subscriber"].map((name) => peekProcessSingleton<Redis>(name));
  resetProcessSingletons("redis-client", "redis-subscriber");
  await Promise.all(clients.map((c) => c?.quit().catch(() => c.disconnect())));
}
