// The 32-byte key that encrypts secrets stored in the database (provider keys). It lives
// outside the database on purpose: a copy of the database alone (a backup, a leaked file)
// must not be enough to read the keys. SECRET_KEY wins; else a key file, generated once.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../env";

export const SECRET_KEY_BYTES = 32;
export const DEFAULT_SECRET_KEY_FILE = "data/secret.key";

const FORMAT_HINT = `32 random bytes written as 64 hex characters or as base64 (generate one with: openssl rand -base64 32)`;

export interface SecretKey {
  key: Buffer;
  /** Where it came from, for error messages: "SECRET_KEY" or the key file's path. */
  source: string;
}

/** Hex (64 characters) or base64 / base64url of exactly 32 bytes; null for anything else. */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  // Node's decoder skips what it cannot read, so a round trip proves the text was whole base64.
  if (bytes.length !== SECRET_KEY_BYTES) return null;
  if (bytes.toString("base64").replace(/=+$/, "") !== value.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "")) return null;
  return bytes;
}

export function secretKeyFilePath(): string {
  return path.resolve(getEnv().SECRET_KEY_FILE?.trim() || DEFAULT_SECRET_KEY_FILE);
}

/** Fails fast on a malformed SECRET_KEY, so a typo stops the start instead of every decrypt. */
export function validateSecretKeyEnv(): void {
  const raw = getEnv().SECRET_KEY;
  if (raw !== undefined && raw.trim() !== "" && !parseSecretKey(raw)) {
    throw new Error(`Invalid SECRET_KEY: it must be ${FORMAT_HINT}. Leave it unset to use a generated key file instead.`);
  }
}

// Cached per environment object: tests swap the environment (resetEnvCache) between cases.
let cachedFor: ReturnType<typeof getEnv> | undefined;
let cached: SecretKey | undefined;

export function getSecretKey(): SecretKey {
  const env = getEnv();
  if (cachedFor === env && cached) return cached;
  validateSecretKeyEnv();
  const fromEnv = env.SECRET_KEY?.trim() ? parseSecretKey(env.SECRET_KEY) : null;
  cached = fromEnv ? { key: fromEnv, source: "SECRET_KEY" } : readOrCreateKeyFile(secretKeyFilePath());
  cachedFor = env;
  return cached;
}

function readOrCreateKeyFile(file: string): SecretKey {
  const existing = readKeyFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(SECRET_KEY_BYTES);
  // Written aside, then linked into place: link never replaces an existing file, so two
  // processes (or route bundles) starting together agree on one key, and no reader ever
  // sees a half-written file.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    fs.writeFileSync(temp, `${key.toString("base64")}\n`, { mode: 0o600 });
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new Error(`Could not create the secret key file ${file}: ${(error as Error).message}`);
    const raced = readKeyFile(file);
    if (raced) return raced;
    throw new Error(`The secret key file ${file} vanished while it was being created`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { key, source: file };
}

function readKeyFile(file: string): SecretKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`Could not read the secret key file ${file}: ${(error as Error).message}`);
  }
  const key = parseSecretKey(text);
  if (!key) throw new Error(`The secret key file ${file} does not hold a valid key: it must contain ${FORMAT_HINT}`);
  return { key, source: file };
}
