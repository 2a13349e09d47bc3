"use client";
// Which columns of a sideways-scrolling grid are in view, and moving to the next or previous
// one (buttons and the [ ] keys): the visible affordance that more columns are off screen.
import { useCallback, useEffect, useRef, useState } from "react";

export interface ColumnPager {
  /** 0-based, inclusive. */
  first: number;
  last: number;
  canLeft: boolean;
  canRight: boolean;
  measure: () => void;
  /** One column on; `moveFocus` also puts keyboard focus on it (the [ ] keys). */
  go: (step: 1 | -1, moveFocus: boolean) => void;
}

const columnsOf = (scroller: HTMLElement) => [...scroller.querySelectorAll<HTMLElement>("[data-column]")];

export function useColumnPager(scrollerRef: React.RefObject<HTMLElement | null>, columnCount: number): ColumnPager {
  const [state, setState] = useState({ first: 0, last: Math.max(0, columnCount - 1), canLeft: false, canRight: false });
  const frame = useRef(0);

  const measureNow = useCallback(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const box = scroller.getBoundingClientRect();
    const visible = columnsOf(scroller)
      .map((el, i) => {
        const r = el.getBoundingClientRect();
        return Math.min(r.right, box.right) - Math.max(r.left, box.left) >= r.width / 2 ? i : -1;
      })
      .filter((i) => i >= 0);
    const next = {
      first: visible[0] ?? 0,
      last: visible.at(-1) ?? 0,
      canLeft: scroller.scrollLeft > 1,
      canRight: scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1,
    };
    setState((s) => (s.first === next.first && s.last === next.last && s.canLeft === next.canLeft && s.canRight === next.canRight ? s : next));
  }, [scrollerRef]);

  const measure = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measureNow);
  }, [measureNow]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    measure();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [scrollerRef, measure, columnCount]);

  const go = useCallback(
    (step: 1 | -1, moveFocus: boolean) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const columns = columnsOf(scroller);
      if (columns.length === 0) return;
      // From the focused column (keyboard), else from the first one in view (a pager step).
      const focused = columns.findIndex((c) => c.contains(document.activeElement));
      const from = focused >= 0 ? focused : state.first;
      const target = Math.min(columns.length - 1, Math.max(0, from + step));
      const column = columns[target];
      const box = scroller.getBoundingClientRect();
      const r = column.getBoundingClientRect();
      if (focused < 0 || r.left < box.left || r.right > box.right) {
        // The target becomes the first column in view, or the last one when the row ends there.
        scroller.scrollTo({ left: Math.max(0, scroller.scrollLeft + r.left - box.left - 12), behavior: "smooth" });
      }
      if (moveFocus || focused >= 0) column.focus({ preventScroll: true });
    },
    [scrollerRef, state.first],
  );

  return { ...state, measure, go };
}
