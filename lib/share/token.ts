// Share tokens are the only secret guarding a shared conversation, so they are random
// (192 bits), never derived from ids or counters.
import { randomBytes } from "node:crypto";

export const SHARE_TOKEN_BYTES = 24;
/** base64url of 24 bytes: 32 characters, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function generateShareToken(): string {
  return randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
}

/** Rejects junk before it reaches the database (and keeps look-ups to one shape). */
export function isWellFormedShareToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
