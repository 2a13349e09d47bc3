// One channel over which instances tell each other what changed (a session revoked, a user
// disabled, a provider cooling down, a stop pressed). Without Redis a broadcast just runs
// the local handler, so single-instance behaviour is the same code path.
//
// Handlers are registered by topic in a process singleton (the last registration wins: Next
// bundles a module once per route, and every copy works on the same globalThis state).
import { randomUUID } from "node:crypto";
import { processSingleton } from "../process-singleton";
import { getRedis, getRedisSubscriber, redisEnabled, redisKey } from "./client";

type Handler = (payload: unknown, from: string) => void;

interface Message {
  topic: string;
  payload: unknown;
  from: string;
}

interface BusState {
  id: string;
  handlers: Map<string, Handler>;
  started: Promise<void> | null;
}

const bus = () => processSingleton<BusState>("redis-bus", () => ({ id: randomUUID(), handlers: new Map(), started: null }));

/** This instance's name on the bus (messages it sent come back to it and are skipped). */
export function instanceId(): string {
  return bus().id;
}

export function onBroadcast<T>(topic: string, handler: (payload: T, from: string) => void): void {
  bus().handlers.set(topic, handler as Handler);
}

function deliver(message: Message): void {
  try {
    bus().handlers.get(message.topic)?.(message.payload, message.from);
  } catch (error) {
    console.error(`[bus] handler for ${message.topic} failed:`, error);
  }
}

/** Subscribes this instance (server start-up); a no-op without Redis. */
export function startBus(): Promise<void> {
  const state = bus();
  if (!redisEnabled()) return Promise.resolve();
  state.started ??= (async () => {
    const subscriber = getRedisSubscriber();
    const channel = redisKey("bus");
    subscriber.on("message", (from: string, raw: string) => {
      if (from !== channel) return;
      let message: Message;
      try {
        message = JSON.parse(raw) as Message;
      } catch {
        return;
      }
      if (message.from !== state.id) deliver(message);
    });
    await subscriber.subscribe(channel);
  })().catch((error) => {
    state.started = null;
    throw error;
  });
  return state.started;
}

/**
 * Runs the topic's handler here and on every other instance. Resolves with how many other
 * instances received it (0 without Redis); a Redis error is logged, not thrown: the change
 * itself is already in the database, and the others' caches expire within their TTLs.
 */
export async function broadcast(topic: string, payload: unknown): Promise<number> {
  deliver({ topic, payload, from: bus().id });
  return publishToOthers(topic, payload);
}

/** Sends to the other instances only. */
export async function publishToOthers(topic: string, payload: unknown): Promise<number> {
  if (!redisEnabled()) return 0;
  try {
    const receivers = await getRedis().publish(redisKey("bus"), JSON.stringify({ topic, payload, from: bus().id } satisfies Message));
    // Our own subscriber is one of the receivers.
    return Math.max(0, receivers - (bus().started ? 1 : 0));
  } catch (error) {
    console.error(`[bus] could not tell other instances about ${topic}:`, error instanceof Error ? error.message : error);
    return 0;
  }
}
