// The public side: what a token leads to right now. Unknown and malformed tokens are
// indistinguishable, so probing reveals nothing.
import { AppError } from "../errors";
import { shareLinkStatus } from "./expiry";
import { findShareLinkByToken } from "./share-links";
import { SNAPSHOT_VERSION, type SharedSnapshot } from "./snapshot-types";
import { isWellFormedShareToken } from "./token";

export type ResolvedShare =
  | { state: "missing" }
  | { state: "expired" | "revoked" }
  | { state: "active"; id: string; conversationId: string; snapshot: SharedSnapshot; expiresAt: Date | null };

export async function resolveSharedLink(token: string, now = new Date()): Promise<ResolvedShare> {
  if (!isWellFormedShareToken(token)) return { state: "missing" };
  const link = await findShareLinkByToken(token);
  if (!link) return { state: "missing" };
  const status = shareLinkStatus(link, now);
  if (status !== "active") return { state: status };
  return { state: "active", id: link.id, conversationId: link.conversationId, snapshot: parseSnapshot(link.snapshot), expiresAt: link.expiresAt };
}

/** 404 for a token that never existed, 410 for one that did and no longer works. */
export function httpStatusOf(resolved: ResolvedShare): 200 | 404 | 410 {
  return resolved.state === "active" ? 200 : resolved.state === "missing" ? 404 : 410;
}

export async function requireActiveShare(token: string): Promise<Extract<ResolvedShare, { state: "active" }>> {
  const resolved = await resolveSharedLink(token);
  if (resolved.state === "active") return resolved;
  throw resolved.state === "missing"
    ? new AppError(404, "Shared link not found")
    : new AppError(410, "This shared link is no longer available", "gone");
}

function parseSnapshot(json: string): SharedSnapshot {
  const snapshot = JSON.parse(json) as SharedSnapshot;
  if (snapshot?.version !== SNAPSHOT_VERSION || !Array.isArray(snapshot.columns) || !Array.isArray(snapshot.turns)) {
    throw new AppError(500, "This shared snapshot cannot be read");
  }
  return snapshot;
}
