// Passwords: Argon2id (memory-hard, salted) from @node-rs/argon2. Verification also
// answers for unknown emails, so response times do not reveal which accounts exist.
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// OWASP's Argon2id baseline (19 MiB, 2 passes) costs ~30 ms here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(256, "Use at most 256 characters");

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** False for a wrong password or a missing account, after the same amount of work. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("no account has this password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
