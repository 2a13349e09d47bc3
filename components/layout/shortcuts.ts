"use client";
// The app's keyboard shortcuts: one list, read by the key listener and by the "?" overlay.
// Pages register what a shortcut does while they are mounted (the chatroom owns the prompt
// and its columns; the shell owns the sidebar), so a key does nothing where it means nothing.
import { useEffect, useRef } from "react";

export type ShortcutId =
  | "focus-prompt"
  | "new-comparison"
  | "stop-all"
  | "next-column"
  | "previous-column"
  | "toggle-sidebar"
  | "show-shortcuts"
  | "vote-column"
  | "vote-tie"
  | "vote-bad";

export interface Shortcut {
  id: ShortcutId;
  /** As shown in the overlay; "Mod" reads Ctrl (⌘ on a Mac). */
  keys: string[];
  description: string;
  /** Plain keys would type into a text field; those wait until focus leaves it. */
  whileTyping: boolean;
  matches: (e: KeyboardEvent) => boolean;
}

const mod = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "focus-prompt", keys: ["/"], description: "Focus the prompt", whileTyping: false, matches: (e) => plain(e) && e.key === "/" },
  { id: "new-comparison", keys: ["Mod", "Shift", "O"], description: "New comparison", whileTyping: true, matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === "o" },
  { id: "stop-all", keys: ["Mod", "."], description: "Stop all answers", whileTyping: true, matches: (e) => mod(e) && e.key === "." },
  { id: "next-column", keys: ["]"], description: "Next column", whileTyping: false, matches: (e) => plain(e) && e.key === "]" },
  { id: "previous-column", keys: ["["], description: "Previous column", whileTyping: false, matches: (e) => plain(e) && e.key === "[" },
  { id: "toggle-sidebar", keys: ["Mod", "Shift", "S"], description: "Show or hide the sidebar", whileTyping: true, matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === "s" },
  { id: "vote-column", keys: ["1", "…", "8"], description: "Vote: that column's answer is the best (latest turn)", whileTyping: false, matches: (e) => plain(e) && /^[1-8]$/.test(e.key) },
  { id: "vote-tie", keys: ["T"], description: "Vote: tie (latest turn)", whileTyping: false, matches: (e) => plain(e) && e.key.toLowerCase() === "t" },
  { id: "vote-bad", keys: ["X"], description: "Vote: all answers are bad (latest turn)", whileTyping: false, matches: (e) => plain(e) && e.key.toLowerCase() === "x" },
  { id: "show-shortcuts", keys: ["?"], description: "Show these shortcuts", whileTyping: false, matches: (e) => !e.ctrlKey && !e.metaKey && e.key === "?" },
];

/** Handlers get the key press (the vote shortcut reads which digit). */
type Handler = (e: KeyboardEvent) => void;
const handlers = new Map<ShortcutId, Handler[]>();

/** The newest registration wins (a dialog over the page, say) until it unmounts. */
function register(id: ShortcutId, handler: Handler): () => void {
  const list = handlers.get(id) ?? [];
  handlers.set(id, [...list, handler]);
  return () => handlers.set(id, (handlers.get(id) ?? []).filter((h) => h !== handler));
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range"].includes(target.type));
}

/** Runs the shortcut a key press means, if one is registered; true when it did. */
export function dispatchShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.isComposing) return false;
  const typing = isTyping(e.target);
  for (const shortcut of SHORTCUTS) {
    if ((typing && !shortcut.whileTyping) || !shortcut.matches(e)) continue;
    const handler = handlers.get(shortcut.id)?.at(-1);
    if (!handler) return false;
    e.preventDefault();
    handler(e);
    return true;
  }
  return false;
}

/** Binds a shortcut to a handler for as long as the component is mounted. */
export function useShortcut(id: ShortcutId, handler: Handler, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => (enabled ? register(id, (e) => latest.current(e)) : undefined), [id, enabled]);
}
