"use client";
import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * Keeps a scrolling column pinned to its newest text while it streams, unless the reader
 * has scrolled up to read something: then it stays where they are.
 */
export function useStickToBottom<T extends HTMLElement>(changeKey: unknown) {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [changeKey]);
  return { ref, onScroll };
}
