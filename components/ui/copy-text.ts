"use client";
// Copies text to the clipboard, and a "Copied" flag that clears itself.
import { useEffect, useState } from "react";

export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain http on a LAN address has no Clipboard API; a selected textarea still copies.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

/** `copy(text)` sets `copied` for a moment when it worked. */
export function useCopy(resetMs = 1500): { copied: boolean; copy: (text: string) => Promise<void> } {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), resetMs);
    return () => clearTimeout(timer);
  }, [copied, resetMs]);
  return { copied, copy: (text) => copyText(text).then(() => setCopied(true), () => setCopied(false)) };
}
