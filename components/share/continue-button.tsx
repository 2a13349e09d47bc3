"use client";
// Copies the snapshot into a conversation of this instance's user and opens it there. A
// visitor who is not signed in goes to sign in first and comes back here with
// `?continue=1`, which makes the copy at once: one click, whichever way they came.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { forkSharedConversation } from "./share-api";
import { primaryButton } from "./styles";

export function continuePath(token: string): string {
  return `/share/${encodeURIComponent(token)}?continue=1`;
}

export function ContinueButton({ token, signedIn, autoContinue }: { token: string; signedIn: boolean; autoContinue: boolean }) {
  const router = useRouter();
  const fork = useMutation({
    mutationFn: () => forkSharedConversation(token),
    onSuccess: ({ conversationId }) => router.replace(`/c/${encodeURIComponent(conversationId)}`),
  });
  const started = useRef(false);
  useEffect(() => {
    if (!signedIn || !autoContinue || started.current) return;
    started.current = true;
    fork.mutate();
  }, [signedIn, autoContinue, fork]);

  if (!signedIn) {
    return (
      <a href={`/login?next=${encodeURIComponent(continuePath(token))}`} className={primaryButton}>
        Continue this comparison
      </a>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" onClick={() => fork.mutate()} disabled={fork.isPending || fork.isSuccess} className={primaryButton}>
        {fork.isPending || fork.isSuccess ? "Copying…" : "Continue this comparison"}
      </button>
      {fork.isError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {fork.error.message}
        </p>
      )}
    </div>
  );
}
