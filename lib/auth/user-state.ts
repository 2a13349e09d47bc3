// What the hot paths need to know about a user beyond the session: disabled or not, and
// the monthly budget an admin set. Cached: fresh for 10 s, then served while a background
// read refreshes it, so no chat turn or API call waits on the database for it. An admin's
// edit in this process drops the entry at once (lib/auth/users.ts); edits from another
// process show within a minute.
import { getDb } from "../db/client";

export interface UserState {
  disabled: boolean;
  monthlyBudgetPico: bigint | null;
}

const TTL_MS = 10_000;
const STALE_MS = 60_000;

interface Entry {
  state: UserState;
  at: number;
}

const globalState = globalThis as unknown as { __switchyardUserState?: { cache: Map<string, Entry>; inFlight: Map<string, Promise<UserState>>; epoch: number } };
const store = (globalState.__switchyardUserState ??= { cache: new Map(), inFlight: new Map(), epoch: 0 });

export function getUserState(userId: string): UserState | Promise<UserState> {
  const now = Date.now();
  const hit = store.cache.get(userId);
  if (hit && now - hit.at < TTL_MS) return hit.state;
  if (hit && now - hit.at < STALE_MS) {
    void read(userId).catch((error) => console.warn("[auth] could not refresh a user's state:", error));
    return hit.state;
  }
  return read(userId);
}

function read(userId: string): Promise<UserState> {
  let pending = store.inFlight.get(userId);
  if (!pending) {
    pending = load(userId).finally(() => store.inFlight.delete(userId));
    store.inFlight.set(userId, pending);
  }
  return pending;
}

async function load(userId: string): Promise<UserState> {
  const epoch = store.epoch;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { disabledAt: true, monthlyBudgetPico: true } });
  const state: UserState = { disabled: !user || user.disabledAt !== null, monthlyBudgetPico: user?.monthlyBudgetPico ?? null };
  // A read that started before an edit must not put the old state back.
  if (epoch === store.epoch) store.cache.set(userId, { state, at: Date.now() });
  return state;
}

export function forgetUserState(userId: string): void {
  store.epoch++;
  store.cache.delete(userId);
}
