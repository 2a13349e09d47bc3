"use client";
import { useEffect, useState } from "react";

/**
 * False on the server and until React has hydrated: buttons whose work is done by a script
 * stay disabled until then, so an early click is never silently lost (and a form is never
 * submitted natively, putting a password in a URL).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
