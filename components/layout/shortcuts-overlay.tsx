"use client";
// Listens for the app's shortcuts and shows the "?" overlay that lists them.
import { useEffect } from "react";
import { Modal } from "@/components/ui/modal";
import { SHORTCUTS, dispatchShortcut, useShortcut } from "./shortcuts";

function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

export function ShortcutsOverlay({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  useShortcut("show-shortcuts", () => onOpenChange(true));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void dispatchShortcut(e);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const modKey = isMac() ? "⌘" : "Ctrl";
  return (
    <Modal open={open} onClose={() => onOpenChange(false)} title="Keyboard shortcuts" closeLabel="Close keyboard shortcuts" className="w-[min(26rem,calc(100vw-1.5rem))] bg-white">
      <dl className="divide-y divide-zinc-100 px-4 py-2 text-sm dark:divide-zinc-800">
        {SHORTCUTS.map((s) => (
          <div key={s.id} className="flex items-center justify-between gap-4 py-2">
            <dt>{s.description}</dt>
            <dd className="flex shrink-0 gap-1">
              {s.keys.map((k) => (
                <kbd key={k} className="min-w-6 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-mono text-xs text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
                  {k === "Mod" ? modKey : k}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="border-t border-zinc-200 px-4 py-2.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        Single keys work when the cursor is not in a text field; press Esc to leave one.
      </p>
    </Modal>
  );
}
