"use client";
import { useCopy } from "@/components/ui/copy-text";

export function CopyLinkButton({ url, label = "Copy link", className }: { url: string; label?: string; className?: string }) {
  const { copied, copy } = useCopy();
  return (
    <button type="button" aria-label={label} onClick={() => copy(url)} className={className}>
      <span aria-live="polite">{copied ? "Copied" : "Copy link"}</span>
    </button>
  );
}
