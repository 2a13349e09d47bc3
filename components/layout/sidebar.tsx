import Link from "next/link";
import { AccountMenu } from "@/components/auth/account-menu";
import { PlusIcon } from "@/components/ui/icons";
import { Brand } from "./brand";
import { ConversationList } from "./conversation-list";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export function Sidebar() {
  return (
    <div className="flex h-full flex-col gap-4 p-3">
      <div className="px-1.5 pt-1">
        <Brand />
      </div>
      <Link
        href="/"
        className="flex items-center justify-center gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
      >
        <PlusIcon />
        New comparison
      </Link>
      <NavLinks />
      <section aria-labelledby="conversations-heading" className="flex min-h-0 flex-1 flex-col">
        <h2 id="conversations-heading" className="px-2.5 pb-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-500">
          Conversations
        </h2>
        <ConversationList />
      </section>
      <div className="space-y-1 border-t border-zinc-200 pt-2 dark:border-zinc-800">
        <AccountMenu />
        <ThemeToggle />
      </div>
    </div>
  );
}
