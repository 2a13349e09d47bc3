// Lua scripts run through ioredis's defineCommand: EVALSHA (the script is sent once), with
// EVAL as the fallback when Redis restarted and forgot it.
import type { Redis } from "ioredis";

const defined = new WeakMap<Redis, Set<string>>();

type ScriptCommand = (numberOfKeys: number, ...keysAndArgs: (string | number)[]) => Promise<unknown>;

export function runScript(redis: Redis, name: string, lua: string, keys: string[], args: (string | number)[]): Promise<unknown> {
  let names = defined.get(redis);
  if (!names) defined.set(redis, (names = new Set()));
  if (!names.has(name)) {
    redis.defineCommand(name, { lua });
    names.add(name);
  }
  const command = (redis as unknown as Record<string, ScriptCommand>)[name];
  return command.call(redis, keys.length, ...keys, ...args);
}
