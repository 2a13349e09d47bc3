"use client";
import { useCopy } from "./copy-text";

const defaultClass =
  "rounded px-1.5 py-0.5 font-sans text-xs text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/** `text` may be a function: what to copy is then worked out only when clicked. */
export function CopyButton({ text, label, className = defaultClass, icon, caption = "Copy" }: { text: string | (() => string); label: string; className?: string; icon?: React.ReactNode; caption?: string }) {
  const { copied, copy } = useCopy();
  return (
    <button type="button" aria-label={label} onClick={() => copy(typeof text === "function" ? text() : text)} className={className}>
      {icon}
      <span aria-live="polite">{copied ? "Copied" : caption}</span>
    </button>
  );
}
