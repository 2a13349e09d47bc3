"use client";
// Picks an exported JSON file and imports it as a new conversation, then opens it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { importConversation, queryKeys } from "@/lib/chat/client/api";
import { UploadIcon } from "@/components/ui/icons";

/** Far above any real export; the server has its own limit and says so. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function ImportConversationButton({ variant = "icon" }: { variant?: "icon" | "text" }) {
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const router = useRouter();
  const run = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_FILE_BYTES) throw new Error("The file is larger than 2 MB.");
      return importConversation(await file.text());
    },
    onSuccess: ({ conversationId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      router.push(`/c/${encodeURIComponent(conversationId)}`);
    },
  });
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-hidden="true"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) run.mutate(file);
        }}
      />
      <button
        type="button"
        onClick={() => input.current?.click()}
        disabled={run.isPending}
        aria-label={variant === "icon" ? "Import conversation" : undefined}
        title="Import a conversation exported as JSON"
        className={
          variant === "icon"
            ? "rounded-md p-1 text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 disabled:opacity-50 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            : "inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-50 dark:text-indigo-300 dark:hover:bg-indigo-950/40"
        }
      >
        <UploadIcon className="size-4" />
        {variant === "text" && (run.isPending ? "Importing…" : "Import a conversation (JSON)")}
      </button>
      {run.isError && (
        <p role="alert" className="basis-full px-2.5 text-xs text-red-700 dark:text-red-400">
          Import failed: {run.error.message}
        </p>
      )}
    </>
  );
}
