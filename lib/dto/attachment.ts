// The JSON shape of an attachment, shared by routes and the browser (no server imports here).

export interface AttachmentDto {
  id: string;
  kind: "image" | "text";
  /** Detected from the bytes: image/png, image/jpeg, image/webp, image/gif or text/plain. */
  mimeType: string;
  name: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
}

/** Where the browser reads an attachment's bytes (owner only; another user gets 404). */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}

/** Where a shared page reads one of its prompt's files (while the link works; only files its snapshot lists). */
export function sharedAttachmentUrl(token: string, id: string): string {
  return `/api/share/${encodeURIComponent(token)}/attachments/${encodeURIComponent(id)}`;
}
