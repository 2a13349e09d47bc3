// Secrets at rest: AES-256-GCM with a random 12-byte IV per value. The stored text is
// "v1." + base64url(iv | ciphertext | tag); the version names the algorithm and layout, so
// a later format (or key rotation) can be read beside this one.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getSecretKey, type SecretKey } from "./secret-key";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored secret that cannot be read back: another key, or the stored text was altered. */
export class SecretDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptError";
  }
}

export interface SecretOptions {
  /** Binds the ciphertext to what it belongs to (e.g. the provider id): moved to another row, it no longer decrypts. */
  context?: string;
  /** The key to use instead of SECRET_KEY / the key file. */
  key?: SecretKey;
}

export function encryptSecret(plaintext: string, options: SecretOptions = {}): string {
  const { key } = options.key ?? getSecretKey();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (options.context !== undefined) cipher.setAAD(Buffer.from(options.context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString("base64url")}`;
}

export function decryptSecret(stored: string, options: SecretOptions = {}): string {
  const dot = stored.indexOf(".");
  const version = dot > 0 ? stored.slice(0, dot) : "";
  if (version !== VERSION) throw new SecretDecryptError(`Stored secret has an unknown format ("${version || stored.slice(0, 8)}")`);
  const bytes = Buffer.from(stored.slice(dot + 1), "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretDecryptError("Stored secret is truncated");
  const secretKey = options.key ?? getSecretKey();
  try {
    const decipher = createDecipheriv("aes-256-gcm", secretKey.key, bytes.subarray(0, IV_BYTES));
    if (options.context !== undefined) decipher.setAAD(Buffer.from(options.context, "utf8"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    // GCM cannot tell a wrong key from altered bytes; the wrong key is by far the likelier cause.
    throw new SecretDecryptError(
      `Stored secret cannot be decrypted with the current key (${secretKey.source}): SECRET_KEY or the key file changed since it was saved, or the stored value was altered. Restore the previous SECRET_KEY, or enter the key again.`,
    );
  }
}
