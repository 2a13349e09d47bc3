"use client";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { MenuIcon, XIcon } from "@/components/ui/icons";
import { useShortcut } from "./shortcuts";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { Sidebar } from "./sidebar";
import { SidebarRail } from "./sidebar-rail";
import { rememberSidebar } from "./sidebar-state";

const DESKTOP = "(min-width: 768px)";

/**
 * Sidebar beside the page on desktop (collapsible to a rail, remembered); behind a menu
 * button, as a drawer, on a phone. The shell is exactly the viewport: `relative` makes it the
 * containing block of every visually hidden (absolutely positioned) label inside the scroll
 * areas, so those can never make the document taller than the screen.
 */
export function AppShell({ children, initialCollapsed }: { children: React.ReactNode; initialCollapsed: boolean }) {
  const [open, setOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const pathname = usePathname();
  const router = useRouter();
  // Following a link in the drawer should show the page, not keep the drawer over it.
  useEffect(() => setOpen(false), [pathname]);

  const setCollapsedAndRemember = useCallback((next: boolean) => {
    setCollapsed(next);
    rememberSidebar(next);
  }, []);
  useShortcut("toggle-sidebar", () => {
    if (window.matchMedia(DESKTOP).matches) setCollapsedAndRemember(!collapsed);
    else setOpen((o) => !o);
  });
  useShortcut("new-comparison", () => router.push("/"));

  return (
    <div className="relative flex h-dvh overflow-hidden">
      <aside
        id="app-sidebar"
        aria-label="Sidebar"
        className={`fixed inset-y-0 left-0 z-40 w-72 max-w-[85vw] border-r border-zinc-200 bg-zinc-50 transition-transform duration-200 md:static md:max-w-none md:translate-x-0 dark:border-zinc-800 dark:bg-zinc-900 ${
          open ? "visible translate-x-0" : "invisible -translate-x-full"
        } ${collapsed ? "md:invisible md:hidden" : "md:visible md:w-64"}`}
      >
        <Sidebar onCollapse={() => setCollapsedAndRemember(true)} onShowShortcuts={() => setShortcutsOpen(true)} />
        <button
          type="button"
          onClick={() => setOpen(false)}
          aria-label="Close menu"
          className="absolute top-3 right-3 rounded-md p-1.5 text-zinc-600 hover:bg-zinc-200 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <XIcon />
        </button>
      </aside>
      {collapsed && <SidebarRail onExpand={() => setCollapsedAndRemember(false)} onShowShortcuts={() => setShortcutsOpen(true)} />}
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
        <main className="relative flex min-h-0 flex-1 flex-col">{children}</main>
      </div>
      <ShortcutsOverlay open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </div>
  );
}
