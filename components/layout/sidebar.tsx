"use client";
import Link from "next/link";
import { AccountMenu } from "@/components/auth/account-menu";
import { KeyboardIcon, PlusIcon, SidebarIcon } from "@/components/ui/icons";
import { Brand } from "./brand";
import { ConversationList } from "./conversation-list";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export const sidebarIconButton =
  "rounded-md p-1.5 text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

export function Sidebar({ onCollapse, onShowShortcuts }: { onCollapse: () => void; onShowShortcuts: () => void }) {
  return (
    <div className="flex h-full flex-col gap-4 p-3">
      <div className="flex items-center justify-between gap-2 px-1.5 pt-1">
        <Brand />
        <button type="button" onClick={onCollapse} aria-label="Collapse sidebar" title="Collapse sidebar (Ctrl+Shift+S)" className={`hidden md:block ${sidebarIconButton}`}>
          <SidebarIcon />
        </button>
      </div>
      <Link
        href="/"
        className="flex items-center justify-center gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
      >
        <PlusIcon />
        New comparison
      </Link>
      <NavLinks />
      <ConversationList />
      <div className="flex items-center justify-between gap-1 border-t border-zinc-200 pt-2 dark:border-zinc-800">
        <ThemeToggle />
        <button type="button" onClick={onShowShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" className={sidebarIconButton}>
          <KeyboardIcon />
        </button>
      </div>
      <div className="-mt-3">
        <AccountMenu />
      </div>
    </div>
  );
}
