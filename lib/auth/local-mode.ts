// The explicit "no login on localhost" mode for one person on their own machine:
// LOCAL_NO_LOGIN=true, and only while the server listens on a loopback address. Bound to
// any other address the flag is ignored and everyone must sign in.
import type { User } from "@prisma/client";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { processSingleton, resetProcessSingletons } from "../process-singleton";
import type { SessionUser } from "./sessions";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function localModeActive(): boolean {
  const env = getEnv();
  return env.LOCAL_NO_LOGIN === true && LOOPBACK.has(env.HOST);
}

export function localModeUser(): Promise<SessionUser | null> | null {
  if (!localModeActive()) return null;
  return processSingleton("local-user", () =>
    ensureLocalUser()
      .then((user) => ({ id: user.id, email: user.email, name: user.name, role: "admin" as const }))
      .catch((error) => {
        resetProcessSingletons("local-user");
        throw error;
      }),
  );
}

/** The password-less local admin (LOCAL_USER_EMAIL), created on first use. */
export function ensureLocalUser(): Promise<User> {
  const email = getEnv().LOCAL_USER_EMAIL;
  return getDb().user.upsert({ where: { email }, update: {}, create: { email, name: "Local user", role: "admin" } });
}
