"use client";
// The composer's attachments: the "Attach files" button (a file picker; paste and drop go
// through the composer), each upload waiting to be sent with its preview and a Remove button,
// and a line naming the models that take text only (their columns get the text, not the images).
import { useRef } from "react";
import type { ColumnSettings } from "@/lib/chat/api-types";
import type { PendingAttachments } from "@/lib/chat/client/use-pending-attachments";
import { modelLabel, useModels, visibleName } from "@/lib/chat/client/use-models";
import { XIcon } from "@/components/ui/icons";
import { FileGlyph } from "./attachment-thumbs";

/** What the picker offers; the server decides by content whatever is chosen. */
const ACCEPT = "image/png,image/jpeg,image/webp,image/gif,text/*,.txt,.md,.csv,.json,.log,.py,.ts,.js,.html,.css,.xml,.yaml,.yml";

export function AttachButton({ attachments, disabled }: { attachments: PendingAttachments; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        disabled={disabled}
        aria-label="Attach files"
        title="Attach images or text files (or paste / drop them here)"
        className="rounded-lg p-2 text-zinc-600 hover:bg-zinc-100 disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className="size-4">
          <path d="M20 11.5l-8.1 8.1a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        className="hidden"
        aria-label="Choose files to attach"
        onChange={(e) => {
          attachments.add([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
    </>
  );
}

export function AttachmentTray({ attachments, columns }: { attachments: PendingAttachments; columns: readonly ColumnSettings[] }) {
  const { byId } = useModels();
  if (attachments.items.length === 0) return null;
  const hasImages = attachments.items.some((i) => i.status !== "failed" && (i.previewUrl !== null || i.dto?.kind === "image"));
  const textOnly = hasImages ? [...new Set(columns.filter((c) => byId.get(c.modelId)?.vision === false).map((c) => c.modelId))] : [];
  return (
    <div className="mb-2 space-y-1.5">
      <ul aria-label="Files to send" className="flex flex-wrap gap-2">
        {attachments.items.map((item) => (
          <li
            key={item.key}
            className={`flex max-w-60 items-center gap-2 rounded-lg border p-1.5 pr-1 text-xs ${item.status === "failed" ? "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40" : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900"}`}
          >
            {item.previewUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview
              <img src={item.previewUrl} alt="" className="size-10 shrink-0 rounded object-cover" />
            ) : (
              <span className="flex size-10 shrink-0 items-center justify-center rounded bg-zinc-100 dark:bg-zinc-800">
                <FileGlyph className="size-5 text-zinc-500" />
              </span>
            )}
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{item.name}</span>
              <span className={`block truncate ${item.status === "failed" ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`} role={item.status === "failed" ? "alert" : undefined} title={item.error ?? undefined}>
                {item.status === "uploading" ? "Uploading…" : item.status === "failed" ? item.error : item.dto?.kind === "image" ? `${item.dto.width} × ${item.dto.height}` : "Text file"}
              </span>
            </span>
            <button type="button" onClick={() => attachments.remove(item.key)} aria-label={`Remove ${item.name}`} className="shrink-0 rounded p-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
              <XIcon className="size-3.5" />
            </button>
          </li>
        ))}
      </ul>
      {textOnly.length > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          {textOnly.map((id) => visibleName(modelLabel(byId, id).name, modelLabel(byId, id).simulated)).join(", ")} {textOnly.length === 1 ? "takes" : "take"} text only: images will be left out of {textOnly.length === 1 ? "its column" : "their columns"}.
        </p>
      )}
    </div>
  );
}
