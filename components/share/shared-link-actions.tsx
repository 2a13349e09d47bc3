"use client";
// Copy, open and revoke for one link. Revoking asks once more inline: it cannot be undone.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ShareLinkDto } from "@/lib/share/share-types";
import { CopyLinkButton } from "./copy-link-button";
import { revokeShareLink, shareKeys } from "./share-api";
import { smallButton } from "./styles";

const danger =
  "inline-flex items-center rounded-md bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-700 disabled:opacity-50 dark:bg-red-500 dark:hover:bg-red-600";

export function SharedLinkActions({ link }: { link: ShareLinkDto }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeShareLink(link.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareKeys.all }),
  });
  const active = link.status === "active";

  if (confirming && active) {
    return (
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label={`Confirm revoking the link to ${link.title}`}>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Stop this link working?</span>
        <button type="button" onClick={() => revoke.mutate()} disabled={revoke.isPending} className={danger}>
          {revoke.isPending ? "Revoking…" : "Yes, revoke"}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={smallButton}>
          Keep
        </button>
        {revoke.isError && (
          <span role="alert" className="text-xs text-red-600">
            {revoke.error.message}
          </span>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <CopyLinkButton url={link.url} label={`Copy link to ${link.title}`} className={smallButton} />
      <a href={link.url} target="_blank" rel="noopener noreferrer" aria-label={`Open shared ${link.title}`} className={smallButton}>
        Open
      </a>
      {active && (
        <button type="button" onClick={() => setConfirming(true)} aria-label={`Revoke link to ${link.title}`} className={smallButton}>
          Revoke
        </button>
      )}
    </div>
  );
}
