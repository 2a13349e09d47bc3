// An attachment seen through a share link: only while the link works, only one its snapshot
// lists (the owner ticked "include attachments"), only from the shared conversation.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { requireActiveShare } from "./resolve-shared";
import type { SharedSnapshot } from "./snapshot-types";

export async function readSharedAttachment(token: string, attachmentId: string) {
  const { id, snapshot } = await requireActiveShare(token);
  const listed = snapshot.turns.some((turn) => turn.attachments?.some((a) => a.id === attachmentId));
  if (!listed) throw new AppError(404, "Attachment not found");
  const link = await getDb().shareLink.findUniqueOrThrow({ where: { id }, select: { conversationId: true } });
  const row = await getDb().attachment.findFirst({ where: { id: attachmentId, conversationId: link.conversationId } });
  if (!row) throw new AppError(404, "Attachment not found");
  return row;
}

/** Every file the snapshot lists, with its bytes, from the shared conversation (a fork copies them). */
export async function sharedAttachmentRows(linkId: string, snapshot: SharedSnapshot) {
  const ids = snapshot.turns.flatMap((turn) => turn.attachments?.map((a) => a.id) ?? []);
  if (ids.length === 0) return [];
  const link = await getDb().shareLink.findUniqueOrThrow({ where: { id: linkId }, select: { conversationId: true } });
  return getDb().attachment.findMany({ where: { id: { in: ids }, conversationId: link.conversationId }, orderBy: [{ turn: "asc" }, { position: "asc" }] });
}
