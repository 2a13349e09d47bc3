"use client";
// Files picked, pasted or dropped into the composer: each is uploaded at once (the server
// checks what it really is) and waits, with a preview, until the prompt is sent or it is removed.
import { useCallback, useMemo, useState } from "react";
import { attachmentUrl, type AttachmentDto } from "@/lib/attachments/attachment-types";
import { csrfHeaders } from "@/lib/http/csrf-client";
import { errorFromResponse } from "./api";

/** The server's limit (lib/attachments/limits.ts), checked here too so the eighth-plus file says why at once. */
const MAX_PER_PROMPT = 8;

export interface PendingAttachment {
  key: string;
  name: string;
  /** A local preview (blob: URL) of an image while it uploads and after. */
  previewUrl: string | null;
  status: "uploading" | "ready" | "failed";
  dto: AttachmentDto | null;
  error: string | null;
}

export interface PendingAttachments {
  items: readonly PendingAttachment[];
  /** Uploaded and ready to go with the prompt, in order. */
  ready: readonly AttachmentDto[];
  uploading: boolean;
  add: (files: readonly File[]) => void;
  remove: (key: string) => void;
  /** After a send: the uploads now belong to the turn. */
  clear: () => void;
  /** A send refused before its turn started: its uploads (still pending on the server) come back. */
  restore: (files: readonly AttachmentDto[]) => void;
}

let counter = 0;

export function usePendingAttachments(): PendingAttachments {
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const update = useCallback((key: string, change: Partial<PendingAttachment>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i))), []);

  const add = useCallback(
    (files: readonly File[]) => {
      const room = MAX_PER_PROMPT - items.filter((i) => i.status !== "failed").length;
      const added = files.map((file, n): PendingAttachment => {
        const tooMany = n >= room;
        return {
          key: `att-${++counter}`,
          name: file.name || "pasted image",
          previewUrl: !tooMany && file.type.startsWith("image/") ? URL.createObjectURL(file) : null,
          status: tooMany ? "failed" : "uploading",
          dto: null,
          error: tooMany ? `At most ${MAX_PER_PROMPT} attachments per prompt` : null,
        };
      });
      setItems((current) => [...current, ...added]);
      added.forEach((item, n) => {
        if (item.status === "uploading") void upload(files[n], item.name).then((result) => update(item.key, result));
      });
    },
    [items, update],
  );

  const remove = useCallback((key: string) => {
    setItems((all) => {
      const item = all.find((i) => i.key === key);
      if (item?.previewUrl?.startsWith("blob:")) URL.revokeObjectURL(item.previewUrl);
      // The server forgets an upload that will not be sent (it would expire after a day anyway).
      if (item?.dto) void fetch(`/api/attachments/${encodeURIComponent(item.dto.id)}`, { method: "DELETE", headers: csrfHeaders() }).catch(() => undefined);
      return all.filter((i) => i.key !== key);
    });
  }, []);

  const clear = useCallback(() => {
    setItems((all) => {
      for (const item of all) if (item.previewUrl?.startsWith("blob:")) URL.revokeObjectURL(item.previewUrl);
      return [];
    });
  }, []);

  const restore = useCallback((files: readonly AttachmentDto[]) => {
    setItems((all) =>
      all.length > 0
        ? all
        : files.map((dto) => ({ key: `att-${++counter}`, name: dto.name, previewUrl: dto.kind === "image" ? attachmentUrl(dto.id) : null, status: "ready", dto, error: null })),
    );
  }, []);

  return useMemo(
    () => ({
      items,
      ready: items.flatMap((i) => (i.status === "ready" && i.dto ? [i.dto] : [])),
      uploading: items.some((i) => i.status === "uploading"),
      add,
      remove,
      clear,
      restore,
    }),
    [items, add, remove, clear, restore],
  );
}

async function upload(file: File, name: string): Promise<Partial<PendingAttachment>> {
  try {
    const response = await fetch(`/api/attachments?name=${encodeURIComponent(name)}`, { method: "POST", headers: { ...csrfHeaders(), "content-type": "application/octet-stream" }, body: file });
    if (!response.ok) return { status: "failed", error: (await errorFromResponse(response)).message };
    return { status: "ready", dto: (await response.json()) as AttachmentDto };
  } catch {
    return { status: "failed", error: "Upload failed: check the connection and try again" };
  }
}
