// Ids made in the app (not by the database), so a turn's rows can be written while its
// columns already stream. Time-ordered prefix, 72 random bits. The random bytes come from
// a pool filled 4 KiB at a time: one system call per ~450 ids instead of one per id.
import { randomFillSync } from "node:crypto";

const pool = Buffer.alloc(4096);
let offset = pool.length;

/** `bytes` cryptographically random bytes as base64url. */
export function randomToken(bytes: number): string {
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString("base64url", offset, offset + bytes);
  offset += bytes;
  return token;
}

export function newId(): string {
  return `c${Date.now().toString(36)}${randomToken(9).replace(/[-_]/g, "x")}`;
}
