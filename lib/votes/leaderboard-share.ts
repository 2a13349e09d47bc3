// The leaderboard as a read-only snapshot behind an unguessable link, like a shared comparison
// (lib/share: the same tokens and expiry): frozen when shared, with the models' display names
// resolved then, so the public page needs no catalog and no session.
import type { LeaderboardShare } from "@prisma/client";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { describeModel } from "../router/describe-model";
import { expiresAtFor, type ExpiresIn } from "../share/expiry";
import { generateShareToken, isWellFormedShareToken } from "../share/token";
import type { LeaderboardQuery } from "./leaderboard-query";
import type { LeaderboardPageDto } from "./client/leaderboard-types";
import { readLeaderboard, type LeaderboardPage } from "./leaderboard-service";

export interface LeaderboardSnapshot {
  page: Omit<LeaderboardPage, "cached">;
  query: LeaderboardQuery;
  names: Record<string, string>;
  sharedAt: string;
}

/** As read back: JSON, so dates and money are strings. */
export type LeaderboardSnapshotDto = Omit<LeaderboardSnapshot, "page"> & { page: Omit<LeaderboardPageDto, "cached"> };

export async function shareLeaderboard(userId: string, scopeUserId: string | null, query: LeaderboardQuery, expiresIn: ExpiresIn, now = new Date()): Promise<LeaderboardShare> {
  const { cached: _cached, ...page } = await readLeaderboard(query, scopeUserId, now);
  if (page.board.rows.length === 0) throw new AppError(409, "There is nothing to share: no votes match these filters", "conflict");
  const names = Object.fromEntries(page.board.rows.map((r) => [r.model, describeModel(r.model).name]));
  const snapshot: LeaderboardSnapshot = { page, query, names, sharedAt: now.toISOString() };
  const json = JSON.stringify(snapshot, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  return getDb().leaderboardShare.create({ data: { userId, token: generateShareToken(), snapshot: json, expiresAt: expiresAtFor(expiresIn, now) } });
}

export async function listLeaderboardShares(userId: string): Promise<LeaderboardShare[]> {
  return getDb().leaderboardShare.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
}

export async function revokeLeaderboardShare(userId: string, id: string, now = new Date()): Promise<void> {
  const { count } = await getDb().leaderboardShare.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw new AppError(404, "Share link not found");
}

/** The snapshot, or null when the link is unknown, revoked or expired. */
export async function resolveLeaderboardShare(token: string, now = new Date()): Promise<LeaderboardSnapshotDto | null> {
  if (!isWellFormedShareToken(token)) return null;
  const share = await getDb().leaderboardShare.findUnique({ where: { token } });
  if (!share || share.revokedAt || (share.expiresAt && share.expiresAt <= now)) return null;
  return JSON.parse(share.snapshot) as LeaderboardSnapshotDto;
}
