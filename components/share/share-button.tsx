"use client";
// Sits in the chatroom header. It reads the conversation from the address (/c/<id>), so a
// new comparison ("/") shows no Share button until its first answer gives it an id.
import { useParams, usePathname } from "next/navigation";
import { useState } from "react";
import { ShareDialog } from "./share-dialog";

export function ShareButton() {
  const pathname = usePathname() ?? "";
  const params = useParams<{ id?: string }>();
  const [open, setOpen] = useState(false);
  const conversationId = pathname.startsWith("/c/") && typeof params?.id === "string" ? params.id : null;
  if (!conversationId) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-200 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        Share
      </button>
      {/* Mounted only while open: its closed form would still add labels (e.g. "System prompts") to the page. */}
      {open && <ShareDialog conversationId={conversationId} open onClose={() => setOpen(false)} />}
    </>
  );
}
