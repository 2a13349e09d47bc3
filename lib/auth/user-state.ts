// What the hot paths need to know about a user beyond the session: disabled or not, and
// the monthly budget an admin set. Cached briefly; an admin's edit in this process drops
// the entry at once (lib/auth/users.ts).
import { getDb } from "../db/client";

export interface UserState {
  disabled: boolean;
  monthlyBudgetPico: bigint | null;
}

const TTL_MS = 10_000;
const globalState = globalThis as unknown as { __switchyardUserState?: Map<string, { state: UserState; at: number }> };
const cache = (globalState.__switchyardUserState ??= new Map());

export async function getUserState(userId: string): Promise<UserState> {
  const now = Date.now();
  const hit = cache.get(userId);
  if (hit && now - hit.at < TTL_MS) return hit.state;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { disabledAt: true, monthlyBudgetPico: true } });
  const state: UserState = { disabled: !user || user.disabledAt !== null, monthlyBudgetPico: user?.monthlyBudgetPico ?? null };
  cache.set(userId, { state, at: now });
  return state;
}

export function forgetUserState(userId: string): void {
  cache.delete(userId);
}
