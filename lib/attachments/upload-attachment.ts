// POST /api/attachments: a file's bytes (the raw body; the name comes in `?name=`), checked by
// content, stored as the caller's pending upload until a prompt sends it.
import { z } from "zod";
import type { AttachmentDto } from "./attachment-types";
import { savePendingAttachment } from "../db/attachments";
import { AppError } from "../errors";
import { inspectFile } from "./inspect-file";

export const uploadQuerySchema = z.object({ name: z.string().max(1000).default("file") });

export async function uploadAttachment(userId: string, bytes: Uint8Array, name: string): Promise<AttachmentDto> {
  if (bytes.length === 0) throw new AppError(400, "The request body is empty: send the file's bytes", "invalid_file", "file");
  return savePendingAttachment(userId, bytes, inspectFile(bytes, name));
}

/** How the bytes are served back: their detected type, never sniffed, never a page. */
export function attachmentResponse(row: { mimeType: string; name: string; data: Uint8Array }): Response {
  const type = row.mimeType === "text/plain" ? "text/plain; charset=utf-8" : row.mimeType;
  return new Response(Buffer.from(row.data), {
    headers: {
      "content-type": type,
      "content-length": String(row.data.length),
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(row.name)}`,
      "cache-control": "private, max-age=86400",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
