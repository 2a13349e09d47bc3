// Ids made in the app (not by the database), so a turn's rows can be written while its
// columns already stream. Time-ordered prefix, 72 random bits.
import { randomBytes } from "node:crypto";

export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(9).toString("base64url").replace(/[-_]/g, "x")}`;
}
