// Start-up housekeeping for accounts: the admin from ADMIN_EMAIL / ADMIN_PASSWORD on a fresh
// database, and sessions past their expiry removed.
import { deleteExpiredSessions } from "../auth/sessions";
import { ensureAdminFromEnv } from "../auth/users";
import { getEnv } from "../env";

export async function prepareAccounts(): Promise<void> {
  const env = getEnv();
  if (await ensureAdminFromEnv(env.ADMIN_EMAIL, env.ADMIN_PASSWORD)) console.log(`[switchyard] created the admin account ${env.ADMIN_EMAIL} from ADMIN_EMAIL`);
  await deleteExpiredSessions();
}
