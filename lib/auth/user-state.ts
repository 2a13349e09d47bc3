// What the hot paths need to know about a user beyond the session: disabled or not, and
// the monthly budget an admin set. Cached (refreshing-cache.ts): fresh for 10 s, then served
// while a background read refreshes it, so no chat turn or API call waits on the database
// for it. An admin's edit drops the entry at once (lib/auth/users.ts), in every instance
// (the bus); edits from another process without the bus (the CLI) show within a minute.
import { getDb } from "../db/client";
import { processSingleton } from "../process-singleton";
import { broadcast, onBroadcast } from "../redis/bus";
import { RefreshingCache } from "./refreshing-cache";

export interface UserState {
  disabled: boolean;
  monthlyBudgetPico: bigint | null;
}

async function readUserState(userId: string): Promise<UserState> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { disabledAt: true, monthlyBudgetPico: true } });
  return { disabled: !user || user.disabledAt !== null, monthlyBudgetPico: user?.monthlyBudgetPico ?? null };
}

const cache = processSingleton("user-state-cache", () => new RefreshingCache(readUserState, {
  freshMs: 10_000,
  staleMs: 60_000,
  maxEntries: 100_000,
  label: "a user's state",
}));

/** Synchronous when cached: callers on the token path await only a miss. */
export function getUserState(userId: string): UserState | Promise<UserState> {
  return cache.get(userId);
}

onBroadcast<string>("user-state-changed", (userId) => cache.delete(userId));

export async function forgetUserState(userId: string): Promise<void> {
  await broadcast("user-state-changed", userId);
}
