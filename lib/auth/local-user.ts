// Until accounts exist, every request belongs to one local user (created on first use).
import { getDb } from "../db/client";
import { getEnv } from "../env";

const globalUser = globalThis as unknown as { __switchyardUserId?: Promise<string> };

export function getCurrentUserId(): Promise<string> {
  globalUser.__switchyardUserId ??= (async () => {
    const email = getEnv().LOCAL_USER_EMAIL;
    const user = await getDb().user.upsert({ where: { email }, update: {}, create: { email, name: "Local user", role: "admin" } });
    return user.id;
  })().catch((error) => {
    globalUser.__switchyardUserId = undefined;
    throw error;
  });
  return globalUser.__switchyardUserId;
}
