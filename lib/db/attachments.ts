// Attachment rows, always scoped to their owner in the query itself. A file is uploaded
// before its prompt is sent, so it starts "pending" (no conversation); the turn that sends it
// claims it (a hot write in the turn's own batch, see run-turn.ts). Deleting the conversation
// deletes its attachments (a cascading foreign key).
import type { Attachment } from "@prisma/client";
import type { AttachmentDto } from "../dto/attachment";
import { AppError } from "../errors";
import { getDb } from "./client";
import { newId } from "./new-id";

/** Uploads never sent with a prompt are dropped after a day. */
const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredAttachment = Pick<Attachment, "id" | "kind" | "mimeType" | "name" | "sizeBytes" | "width" | "height" | "data" | "turn" | "position">;

export function attachmentToDto(row: Omit<StoredAttachment, "data" | "turn" | "position">): AttachmentDto {
  return { id: row.id, kind: row.kind as AttachmentDto["kind"], mimeType: row.mimeType, name: row.name, sizeBytes: row.sizeBytes, width: row.width, height: row.height };
}

export async function savePendingAttachment(userId: string, bytes: Uint8Array, file: Pick<AttachmentDto, "kind" | "mimeType" | "name" | "width" | "height">): Promise<AttachmentDto> {
  const db = getDb();
  await db.attachment.deleteMany({ where: { userId, conversationId: null, createdAt: { lt: new Date(Date.now() - PENDING_TTL_MS) } } });
  const row = await db.attachment.create({
    data: { id: newId(), userId, kind: file.kind, mimeType: file.mimeType, name: file.name, sizeBytes: bytes.length, width: file.width, height: file.height, data: Buffer.from(bytes) },
  });
  return attachmentToDto(row);
}

/** The owner's attachment with its bytes, or null (another user's is as unknown as a missing one). */
export async function readAttachment(userId: string, id: string): Promise<StoredAttachment | null> {
  return getDb().attachment.findFirst({ where: { id, userId } });
}

/** Deletes an upload not yet sent with a prompt. */
export async function deletePendingAttachment(userId: string, id: string): Promise<boolean> {
  const { count } = await getDb().attachment.deleteMany({ where: { id, userId, conversationId: null } });
  return count > 0;
}

/** The pending uploads a prompt names, in the order named; any that is not the caller's pending upload is a 400. */
export async function pendingAttachments(userId: string, ids: readonly string[]): Promise<StoredAttachment[]> {
  if (ids.length === 0) return [];
  if (new Set(ids).size !== ids.length) throw new AppError(400, "The same attachment is named twice", "invalid_request", "attachments");
  const rows = await getDb().attachment.findMany({ where: { id: { in: [...ids] }, userId, conversationId: null } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id, i) => {
    const row = byId.get(id);
    if (!row) throw new AppError(400, "An attachment was not found or was already sent: attach the file again", "attachment_not_found", `attachments.${i}`);
    return row;
  });
}

/** Every attachment of a conversation with its bytes, by turn (for the history models see). */
export async function conversationAttachments(conversationId: string): Promise<StoredAttachment[]> {
  return getDb().attachment.findMany({ where: { conversationId }, orderBy: [{ turn: "asc" }, { position: "asc" }] });
}

/** The attachments of a conversation without their bytes, by turn (for the conversation's JSON). */
export async function attachmentDtosByTurn(conversationId: string): Promise<Map<number, AttachmentDto[]>> {
  const rows = await getDb().attachment.findMany({
    where: { conversationId },
    select: { id: true, kind: true, mimeType: true, name: true, sizeBytes: true, width: true, height: true, turn: true },
    orderBy: [{ turn: "asc" }, { position: "asc" }],
  });
  const byTurn = new Map<number, AttachmentDto[]>();
  for (const row of rows) byTurn.set(row.turn ?? 0, [...(byTurn.get(row.turn ?? 0) ?? []), attachmentToDto(row)]);
  return byTurn;
}
