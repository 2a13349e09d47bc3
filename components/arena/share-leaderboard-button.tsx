"use client";
// "Share": freezes the leaderboard as filtered now behind a read-only link (no sign-in needed
// to open it), with an expiry.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { requestJson } from "@/lib/chat/client/api";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonSecondary, field } from "@/components/usage/styles";

export function ShareLeaderboardButton({ query }: { query: string }) {
  const [expiresIn, setExpiresIn] = useState("7d");
  const share = useMutation({ mutationFn: () => requestJson<{ url: string }>("/api/leaderboard/share", { method: "POST", json: { query, expiresIn } }) });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="text-sm">
        <span className="sr-only">Link expires</span>
        <select className={field} value={expiresIn} onChange={(e) => setExpiresIn(e.target.value)}>
          <option value="1d">Expires in 1 day</option>
          <option value="7d">Expires in 7 days</option>
          <option value="30d">Expires in 30 days</option>
          <option value="never">Never expires</option>
        </select>
      </label>
      <button type="button" className={buttonSecondary} onClick={() => share.mutate()} disabled={share.isPending}>
        Share a snapshot
      </button>
      {share.data && (
        <span className="flex items-center gap-1 text-sm">
          <a className="max-w-56 truncate text-indigo-700 underline dark:text-indigo-300" href={share.data.url}>
            {share.data.url}
          </a>
          <CopyButton text={() => share.data!.url} label="Copy the leaderboard link" caption="Copy" />
        </span>
      )}
      {share.error && <span role="alert" className="text-sm text-red-700 dark:text-red-400">{share.error.message}</span>}
    </div>
  );
}
