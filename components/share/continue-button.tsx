"use client";
// Copies the snapshot into a conversation of this instance's user and opens it there.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { forkSharedConversation } from "./share-api";
import { primaryButton } from "./styles";

export function ContinueButton({ token }: { token: string }) {
  const router = useRouter();
  const fork = useMutation({
    mutationFn: () => forkSharedConversation(token),
    onSuccess: ({ conversationId }) => router.push(`/c/${encodeURIComponent(conversationId)}`),
  });
  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" onClick={() => fork.mutate()} disabled={fork.isPending || fork.isSuccess} className={primaryButton}>
        {fork.isPending || fork.isSuccess ? "Copying…" : "Continue this comparison"}
      </button>
      {fork.isError && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {fork.error.message}
        </p>
      )}
    </div>
  );
}
