"use client";
// Where the view stands in a comparison: on opening it, and whenever a turn is added, the
// latest turn's prompt moves to the top with the start of every answer under it. The reader
// then reads down at their own pace, instead of the view chasing the longest answer's end.
import { useLayoutEffect, useRef } from "react";

export const TURN_START_ATTR = "data-turn-start";

/** `stickyOffset`: how much of the scroller's top is covered by sticky headers. */
export function useLatestTurnInView<T extends HTMLElement>(turnCount: number, stickyOffset: (scroller: T) => number = () => 0) {
  const ref = useRef<T>(null);
  const shown = useRef(0);
  useLayoutEffect(() => {
    const scroller = ref.current;
    if (!scroller || turnCount === 0 || turnCount <= shown.current) {
      shown.current = Math.min(shown.current, turnCount);
      return;
    }
    shown.current = turnCount;
    const start = scroller.querySelector<HTMLElement>(`[${TURN_START_ATTR}="${turnCount - 1}"]`);
    if (!start) return;
    const top = start.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - stickyOffset(scroller);
    scroller.scrollTop = Math.max(0, top);
  });
  return ref;
}
