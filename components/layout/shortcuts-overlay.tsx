"use client";
// Listens for the app's shortcuts and shows the "?" overlay that lists them.
import { useEffect, useId, useRef, useState } from "react";
import { XIcon } from "@/components/ui/icons";
import { SHORTCUTS, dispatchShortcut, useShortcut } from "./shortcuts";

function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

export function ShortcutsOverlay({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useShortcut("show-shortcuts", () => onOpenChange(true));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void dispatchShortcut(e);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const modKey = isMac() ? "⌘" : "Ctrl";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={() => onOpenChange(false)}
      onClick={(e) => e.target === ref.current && onOpenChange(false)}
      className="m-auto w-[min(26rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <>
          <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
            <h2 id={titleId} className="font-semibold">
              Keyboard shortcuts
            </h2>
            <button type="button" onClick={() => onOpenChange(false)} aria-label="Close keyboard shortcuts" className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
              <XIcon />
            </button>
          </div>
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
        </>
      )}
    </dialog>
  );
}
