"use client";
import { createContext, useContext } from "react";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "member";
}

const CurrentUserContext = createContext<{ user: CurrentUser; localMode: boolean } | null>(null);

export function CurrentUserProvider({ user, localMode, children }: { user: CurrentUser; localMode: boolean; children: React.ReactNode }) {
  return <CurrentUserContext.Provider value={{ user, localMode }}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user (every page under the app layout has one). */
export function useCurrentUser(): { user: CurrentUser; localMode: boolean } {
  const value = useContext(CurrentUserContext);
  if (!value) throw new Error("useCurrentUser outside CurrentUserProvider");
  return value;
}
