"use client";
// The collapsed sidebar: a narrow rail with the way back, a new comparison and the pages.
import Link from "next/link";
import { KeyboardIcon, PlusIcon, SidebarIcon } from "@/components/ui/icons";
import { NavLinks } from "./nav-links";
import { sidebarIconButton } from "./sidebar";

export function SidebarRail({ onExpand, onShowShortcuts }: { onExpand: () => void; onShowShortcuts: () => void }) {
  return (
    <aside aria-label="Sidebar (collapsed)" className="hidden w-13 shrink-0 flex-col items-center gap-2 border-r border-zinc-200 bg-zinc-50 py-3 md:flex dark:border-zinc-800 dark:bg-zinc-900">
      <button type="button" onClick={onExpand} aria-label="Expand sidebar" title="Expand sidebar (Ctrl+Shift+S)" className={sidebarIconButton}>
        <SidebarIcon className="size-5" />
      </button>
      <Link href="/" aria-label="New comparison" title="New comparison" className="rounded-lg bg-zinc-900 p-2 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white">
        <PlusIcon />
      </Link>
      <NavLinks compact />
      <button type="button" onClick={onShowShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" className={`mt-auto ${sidebarIconButton}`}>
        <KeyboardIcon />
      </button>
    </aside>
  );
}
