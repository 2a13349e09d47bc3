"use client";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { csrfHeaders } from "@/lib/http/csrf-client";
import { useCurrentUser } from "./current-user";

/** Who is signed in, and the way out. */
export function AccountMenu() {
  const { user, localMode } = useCurrentUser();
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function signOut() {
    setBusy(true);
    await fetch("/api/auth/logout", { method: "POST", headers: csrfHeaders() }).catch(() => undefined);
    window.location.assign("/login");
  }

  return (
    <div className="flex items-center gap-2 px-1.5 py-1">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{user.name}</p>
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
          {user.email} · {user.role === "admin" ? "Admin" : "Member"}
        </p>
      </div>
      {!localMode && (
        <button
          type="button"
          onClick={signOut}
          disabled={busy || !hydrated}
          className="shrink-0 rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-200/60 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Sign out
        </button>
      )}
    </div>
  );
}
