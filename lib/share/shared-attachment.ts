// The files a share link shows: only while the link works, only those its snapshot lists (the
// owner ticked "include attachments"), only from the shared conversation.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { requireActiveShare, type ResolvedShare } from "./resolve-shared";

type ActiveShare = Pick<Extract<ResolvedShare, { state: "active" }>, "conversationId" | "snapshot">;

/** One shared file, with its bytes, for anyone holding the working link. */
export async function readSharedAttachment(token: string, attachmentId: string) {
  const [row] = await sharedAttachmentRows(await requireActiveShare(token), attachmentId);
  if (!row) throw new AppError(404, "Attachment not found");
  return row;
}

/** The files the snapshot lists (or just `only`, if listed), with their bytes, in prompt order (a fork copies them all). */
export async function sharedAttachmentRows({ conversationId, snapshot }: ActiveShare, only?: string) {
  const ids = snapshot.turns.flatMap((turn) => turn.attachments?.map((a) => a.id) ?? []).filter((id) => only === undefined || id === only);
  if (ids.length === 0) return [];
  return getDb().attachment.findMany({ where: { id: { in: ids }, conversationId }, orderBy: [{ turn: "asc" }, { position: "asc" }] });
}
