"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { MenuIcon, XIcon } from "@/components/ui/icons";
import { Sidebar } from "./sidebar";

/** Sidebar beside the page on desktop; behind a menu button, as a drawer, on a phone. */
export function AppShell({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // Following a link in the drawer should show the page, not keep the drawer over it.
  useEffect(() => setOpen(false), [pathname]);

  return (
    <div className="flex h-dvh overflow-hidden">
      <aside
        id="app-sidebar"
        aria-label="Sidebar"
        className={`fixed inset-y-0 left-0 z-40 w-72 border-r border-zinc-200 bg-zinc-50 transition-transform duration-200 md:static md:visible md:w-64 md:translate-x-0 dark:border-zinc-800 dark:bg-zinc-900 ${
          open ? "visible translate-x-0" : "invisible -translate-x-full"
        }`}
      >
        <Sidebar />
        <button
          type="button"
          onClick={() => setOpen(false)}
          aria-label="Close menu"
          className="absolute top-3 right-3 rounded-md p-1.5 text-zinc-500 hover:bg-zinc-200 md:hidden dark:hover:bg-zinc-800"
        >
          <XIcon />
        </button>
      </aside>
      {open && <div aria-hidden="true" onClick={() => setOpen(false)} className="fixed inset-0 z-30 bg-zinc-950/40 md:hidden" />}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 md:hidden dark:border-zinc-800">
          <button
            type="button"
            onClick={() => setOpen(true)}
            aria-label="Open menu"
            aria-expanded={open}
            aria-controls="app-sidebar"
            className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <MenuIcon className="size-5" />
          </button>
          <span className="font-semibold tracking-tight">Switchyard</span>
        </header>
        <main className="flex min-h-0 flex-1 flex-col">{children}</main>
      </div>
    </div>
  );
}
