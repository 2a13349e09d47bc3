"use client";
// A modal dialog: the native <dialog> (focus trap, Esc, inert page behind), a title, an
// optional line under it and a close button; a click on the backdrop closes it too.
import { useEffect, useId, useRef } from "react";
import { XIcon } from "./icons";

interface Props {
  open: boolean;
  onClose: () => void;
  title: React.ReactNode;
  subtitle?: React.ReactNode;
  closeLabel: string;
  /** Size and colours of the box; a sensible default. */
  className?: string;
  children: React.ReactNode;
}

const defaultBox = "w-[min(30rem,calc(100vw-1.5rem))] bg-white";

export function Modal({ open, onClose, title, subtitle, closeLabel, className = defaultBox, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      className={`m-auto max-w-none rounded-xl border border-zinc-200 p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
    >
      {open && (
        <div className="flex h-full max-h-[inherit] flex-col">
          <div className="flex items-start justify-between gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
            <div className="min-w-0">
              <h2 id={titleId} className="truncate font-semibold">
                {title}
              </h2>
              {subtitle && <div className="text-xs text-zinc-600 dark:text-zinc-400">{subtitle}</div>}
            </div>
            <button type="button" onClick={onClose} aria-label={closeLabel} className="shrink-0 rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
              <XIcon />
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
