"use client";
import { useEffect } from "react";

/** While `active`, a press anywhere outside `ref`'s element calls `onOutside` (a popover closing). */
export function useClickOutside(ref: React.RefObject<HTMLElement | null>, active: boolean, onOutside: () => void): void {
  useEffect(() => {
    if (!active) return;
    function onPointer(e: PointerEvent) {
      if (!ref.current?.contains(e.target as Node)) onOutside();
    }
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [ref, active, onOutside]);
}
