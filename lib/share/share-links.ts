// Share link rows. Owner operations are scoped by userId in the query itself; the public
// side looks links up by token only.
import type { ShareLink } from "@prisma/client";
import { assertNotHidden } from "../blind/read-conversation";
import { getConversation } from "../db/conversations";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { buildSnapshot } from "./build-snapshot";
import { describeModel } from "../router/describe-model";
import { expiresAtFor, shareLinkStatus } from "./expiry";
import type { CreateShareRequest } from "./share-schemas";
import type { ShareLinkDto } from "./share-types";
import { generateShareToken } from "./token";

export function shareUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/share/${token}`;
}

export function shareLinkToDto(link: ShareLink, origin: string, now: Date): ShareLinkDto {
  return {
    id: link.id,
    token: link.token,
    url: shareUrl(origin, link.token),
    conversationId: link.conversationId,
    title: link.title,
    includeSystemPrompts: link.includeSystemPrompts,
    includeStats: link.includeStats,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    viewCount: link.viewCount,
    status: shareLinkStatus(link, now),
  };
}

/** Snapshots the conversation now; with `updateExisting`, re-freezes its newest working link instead of minting a token. */
export async function createShareLink(userId: string, input: CreateShareRequest, now = new Date()): Promise<ShareLink> {
  const conversation = await getConversation(userId, input.conversationId);
  if (!conversation) throw new AppError(404, "Conversation not found", "not_found", "conversationId");
  assertNotHidden(conversation);
  const options = { includeSystemPrompts: input.includeSystemPrompts, includeStats: input.includeStats };
  const data = {
    title: conversation.title,
    snapshot: JSON.stringify(buildSnapshot(conversation, { ...options, includeAttachments: input.includeAttachments ?? false }, describeModel, now)),
    ...options,
    expiresAt: expiresAtFor(input.expiresIn, now),
  };
  const db = getDb();
  if (input.updateExisting) {
    const existing = await findActiveLinkFor(userId, conversation.id, now);
    if (existing) return db.shareLink.update({ where: { id: existing.id }, data });
  }
  return db.shareLink.create({ data: { ...data, token: generateShareToken(), userId, conversationId: conversation.id } });
}

async function findActiveLinkFor(userId: string, conversationId: string, now: Date): Promise<ShareLink | undefined> {
  const links = await getDb().shareLink.findMany({ where: { userId, conversationId, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return links.find((l) => shareLinkStatus(l, now) === "active");
}

export async function listShareLinks(userId: string, conversationId?: string): Promise<ShareLink[]> {
  const db = getDb();
  const links = await db.shareLink.findMany({
    where: { userId, ...(conversationId ? { conversationId } : {}) },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  const ids = [...new Set(links.map((link) => link.conversationId))];
  const existing = new Set((await db.conversation.findMany({ where: { userId, id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  // A deleted conversation's links were revoked with it and leave the list (their tokens still answer 410);
  // a link left working by an older delete stays listed, so its owner can revoke it.
  return links.filter((link) => existing.has(link.conversationId) || link.revokedAt === null);
}

/** Deletes a conversation and revokes its share links in one transaction: a snapshot must not outlive what its owner deleted. */
export async function deleteConversationAndShares(userId: string, conversationId: string, now = new Date()): Promise<boolean> {
  const db = getDb();
  const [, deleted] = await db.$transaction([
    db.shareLink.updateMany({ where: { userId, conversationId, revokedAt: null }, data: { revokedAt: now } }),
    db.conversation.deleteMany({ where: { id: conversationId, userId } }),
  ]);
  return deleted.count > 0;
}

/** Idempotent: revoking a revoked link keeps its first revocation time. */
export async function revokeShareLink(userId: string, id: string, now = new Date()): Promise<ShareLink> {
  const db = getDb();
  await db.shareLink.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now } });
  const link = await db.shareLink.findFirst({ where: { id, userId } });
  if (!link) throw new AppError(404, "Share link not found");
  return link;
}

export function findShareLinkByToken(token: string): Promise<ShareLink | null> {
  return getDb().shareLink.findUnique({ where: { token } });
}

export async function recordShareView(id: string): Promise<void> {
  await getDb().shareLink.update({ where: { id }, data: { viewCount: { increment: 1 } } });
}
