// Expiry choices offered when sharing, and whether a link still works at a given moment.
import { z } from "zod";

export const expiresInSchema = z.enum(["never", "1d", "7d", "30d"]);
export type ExpiresIn = z.infer<typeof expiresInSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;
const DAYS: Record<Exclude<ExpiresIn, "never">, number> = { "1d": 1, "7d": 7, "30d": 30 };

export function expiresAtFor(expiresIn: ExpiresIn, now: Date): Date | null {
  return expiresIn === "never" ? null : new Date(now.getTime() + DAYS[expiresIn] * DAY_MS);
}

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired; a link stops working at the very instant it expires. */
export function shareLinkStatus(link: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && now.getTime() >= link.expiresAt.getTime()) return "expired";
  return "active";
}
