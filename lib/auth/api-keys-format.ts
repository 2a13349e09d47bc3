// The shape of an API key: "sk-sy-v1-" + 32 random bytes in base64url (43 characters).
// Only a SHA-256 hash is stored; the first characters are kept for people to recognise it.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "sk-sy-v1-";
export const API_KEY_PATTERN = /^sk-sy-v1-[A-Za-z0-9_-]{43}$/;
const DISPLAY_CHARS = 12;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** "sk-sy-v1-Abc…": enough to tell keys apart in a list, far too little to guess the rest. */
export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_CHARS) + "…";
}

export type ParsedAuthorization = { ok: true; key: string } | { ok: false; reason: string };

/** Reads "Bearer sk-sy-v1-…"; the reason is a sentence a client developer can act on. */
export function parseAuthorization(header: string | null | undefined): ParsedAuthorization {
  if (!header || header.trim() === "") {
    return { ok: false, reason: "Missing API key: send it as 'Authorization: Bearer sk-sy-v1-…'" };
  }
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { ok: false, reason: "Malformed Authorization header: expected 'Bearer sk-sy-v1-…'" };
  const key = match[1];
  if (!API_KEY_PATTERN.test(key)) return { ok: false, reason: "Malformed API key: Switchyard keys look like 'sk-sy-v1-' followed by 43 characters" };
  return { ok: true, key };
}
