"use client";
// A prompt's attachments as thumbnails: an image opens full size in a lightbox, a text file
// opens as plain text in a new tab. Used by the prompt row of each turn and the shared page.
import { useState } from "react";
import type { AttachmentDto } from "@/lib/attachments/attachment-types";
import { formatBytes } from "@/lib/format/bytes";
import { Modal } from "@/components/ui/modal";

export interface ShownAttachment extends AttachmentDto {
  /** Where the bytes are read: the owner's route, or the share link's. */
  url: string;
}

export function describeAttachment(a: Pick<AttachmentDto, "kind" | "mimeType" | "width" | "height" | "sizeBytes">): string {
  const format = a.kind === "text" ? "text" : a.mimeType.replace("image/", "").toUpperCase();
  return [a.width && a.height ? `${a.width} × ${a.height}` : null, format, formatBytes(a.sizeBytes)].filter(Boolean).join(" · ");
}

export function FileGlyph({ className = "size-4" }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className={className}>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5zM14 3v5h5M9 13h6M9 17h4" />
    </svg>
  );
}

export function AttachmentThumbs({ attachments }: { attachments: readonly ShownAttachment[] }) {
  const [open, setOpen] = useState<ShownAttachment | null>(null);
  if (attachments.length === 0) return null;
  return (
    <>
      <ul aria-label="Attachments" className="flex basis-full flex-wrap gap-2">
        {attachments.map((a) => (
          <li key={a.id}>
            {a.kind === "image" ? (
              <button
                type="button"
                onClick={() => setOpen(a)}
                aria-label={`View image ${a.name}`}
                title={`${a.name} · ${describeAttachment(a)}`}
                className="block size-16 overflow-hidden rounded-lg border border-zinc-300 bg-white hover:border-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-950"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- user files served by our own route, any size */}
                <img src={a.url} alt={a.name} className="size-full object-cover" loading="lazy" />
              </button>
            ) : (
              <a
                href={a.url}
                target="_blank"
                rel="noopener"
                title={describeAttachment(a)}
                className="flex h-16 max-w-48 items-center gap-2 rounded-lg border border-zinc-300 bg-white px-2.5 text-xs hover:border-indigo-500 dark:border-zinc-700 dark:bg-zinc-950"
              >
                <FileGlyph className="size-5 shrink-0 text-zinc-500" />
                <span className="min-w-0">
                  <span className="block truncate font-medium">{a.name}</span>
                  <span className="block text-zinc-600 dark:text-zinc-400">{formatBytes(a.sizeBytes)}</span>
                </span>
              </a>
            )}
          </li>
        ))}
      </ul>
      <Modal
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open?.name ?? ""}
        subtitle={open ? describeAttachment(open) : undefined}
        closeLabel="Close image"
        className="w-[min(64rem,calc(100vw-1.5rem))] bg-white"
      >
        {open && (
          <div className="flex justify-center overflow-auto bg-zinc-100 p-3 dark:bg-zinc-950">
            {/* eslint-disable-next-line @next/next/no-img-element -- full size, as uploaded */}
            <img src={open.url} alt={open.name} className="max-h-[75vh] max-w-full object-contain" />
          </div>
        )}
      </Modal>
    </>
  );
}
