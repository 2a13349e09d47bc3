"use client";
// Downloads of the conversation: Markdown to read, JSON to import again (here or elsewhere).
import { useCallback, useId, useRef, useState } from "react";
import { exportHref } from "@/lib/chat/client/api";
import { ChevronDownIcon, DownloadIcon } from "@/components/ui/icons";
import { useClickOutside } from "@/components/ui/use-click-outside";

const item = "flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800";

export function ExportMenu({ conversationId }: { conversationId: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();
  // Closes on a click elsewhere or Esc, as a menu does.
  const close = useCallback(() => setOpen(false), []);
  useClickOutside(root, open, close);
  return (
    <div ref={root} className="relative shrink-0" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        className="flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-200 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <DownloadIcon className="size-3.5" />
        Export
        <ChevronDownIcon className="size-3" />
      </button>
      {open && (
        <div id={id} className="absolute right-0 z-40 mt-1 w-52 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <a href={exportHref(conversationId, "md")} download className={item} onClick={() => setTimeout(() => setOpen(false))}>
            Export as Markdown
          </a>
          <a href={exportHref(conversationId, "json")} download className={item} onClick={() => setTimeout(() => setOpen(false))}>
            Export as JSON
          </a>
        </div>
      )}
    </div>
  );
}
