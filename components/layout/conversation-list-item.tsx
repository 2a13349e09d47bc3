"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ConversationDto, ConversationSummaryDto } from "@/lib/chat/api-types";
import { deleteConversation, queryKeys, renameConversation } from "@/lib/chat/client/api";
import { timeOfDay } from "@/lib/chat/client/day-groups";
import { liveChatStore } from "@/lib/chat/client/live-store";
import { formatUsd } from "@/lib/format/usd";
import { PencilIcon, TrashIcon } from "@/components/ui/icons";
import { shareKeys } from "@/components/share/share-api";

type Mode = "view" | "rename" | "confirm-delete";

const iconButton =
  "rounded p-1 text-zinc-600 hover:bg-zinc-300/60 hover:text-zinc-900 focus-visible:opacity-100 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100";
const smallButton = "rounded-md px-2 py-1 text-xs font-medium";

export function ConversationListItem({ conversation, active }: { conversation: ConversationSummaryDto; active: boolean }) {
  const [mode, setMode] = useState<Mode>("view");
  const [draft, setDraft] = useState(conversation.title);
  const queryClient = useQueryClient();
  const router = useRouter();
  const { id, title } = conversation;

  const rename = useMutation({
    mutationFn: (next: string) => renameConversation(id, next),
    onMutate: (next) => {
      // Show the new title at once; the server's answer confirms it.
      queryClient.setQueryData<ConversationSummaryDto[]>(queryKeys.conversations, (list) => list?.map((c) => (c.id === id ? { ...c, title: next } : c)));
      queryClient.setQueryData<ConversationDto>(queryKeys.conversation(id), (c) => (c ? { ...c, title: next } : c));
      setMode("view");
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) });
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteConversation(id),
    onSuccess: () => {
      liveChatStore.forgetConversation(id);
      queryClient.setQueryData<ConversationSummaryDto[]>(queryKeys.conversations, (list) => list?.filter((c) => c.id !== id));
      queryClient.removeQueries({ queryKey: queryKeys.conversation(id) });
      // Its share links were revoked with it.
      void queryClient.invalidateQueries({ queryKey: shareKeys.all });
      if (active) router.push("/");
    },
  });

  if (mode === "rename") {
    return (
      <li>
        <form
          className="flex items-center gap-1 rounded-md bg-white p-1 ring-1 ring-zinc-300 dark:bg-zinc-950 dark:ring-zinc-700"
          onSubmit={(e) => {
            e.preventDefault();
            const next = draft.trim();
            if (next && next !== title) rename.mutate(next);
            else setMode("view");
          }}
        >
          <input
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setMode("view")}
            aria-label="Conversation title"
            maxLength={200}
            className="min-w-0 flex-1 bg-transparent px-1.5 py-0.5 text-sm outline-none"
          />
          <button type="submit" className={`${smallButton} bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900`}>
            Save
          </button>
          <button type="button" onClick={() => setMode("view")} className={`${smallButton} text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800`}>
            Cancel
          </button>
        </form>
      </li>
    );
  }

  if (mode === "confirm-delete") {
    return (
      <li className="rounded-md bg-red-50 p-2 text-sm ring-1 ring-red-200 dark:bg-red-950/40 dark:ring-red-900" role="group" aria-label={`Delete conversation ${title}?`}>
        <p className="truncate text-red-800 dark:text-red-200">Delete “{title}”?</p>
        <p className="text-xs text-red-700 dark:text-red-300">Its share links stop working too.</p>
        {remove.isError && <p role="alert" className="text-xs text-red-700 dark:text-red-300">{remove.error.message}</p>}
        <div className="mt-1.5 flex gap-1.5">
          <button
            type="button"
            autoFocus
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
            aria-label={`Confirm delete conversation ${title}`}
            className={`${smallButton} bg-red-600 text-white hover:bg-red-700 disabled:opacity-60`}
          >
            {remove.isPending ? "Deleting…" : "Delete"}
          </button>
          <button type="button" onClick={() => setMode("view")} className={`${smallButton} text-zinc-700 hover:bg-white/60 dark:text-zinc-300 dark:hover:bg-zinc-800`}>
            Cancel
          </button>
        </div>
      </li>
    );
  }

  return (
    <li className="group relative">
      <Link
        href={`/c/${encodeURIComponent(id)}`}
        aria-current={active ? "page" : undefined}
        className={`block rounded-md py-1.5 pr-16 pl-2.5 text-sm md:pr-2 md:group-focus-within:pr-16 md:group-hover:pr-16 ${
          active ? "bg-zinc-200/80 text-zinc-950 dark:bg-zinc-800 dark:text-zinc-50" : "text-zinc-700 hover:bg-zinc-200/50 dark:text-zinc-300 dark:hover:bg-zinc-800/60"
        }`}
      >
        <span className="block truncate" title={title}>
          {title}
        </span>
        <span className="block text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          <time dateTime={conversation.updatedAt}>{timeOfDay(new Date(conversation.updatedAt))}</time> · {conversation.blind?.hidden ? "blind, models hidden" : formatUsd(conversation.costPico)}
        </span>
        {conversation.snippet && <span className="mt-0.5 line-clamp-2 block text-xs text-zinc-600 dark:text-zinc-400">{conversation.snippet}</span>}
      </Link>
      <div className="absolute top-1.5 right-1 flex gap-0.5 md:opacity-0 md:group-focus-within:opacity-100 md:group-hover:opacity-100">
        <button
          type="button"
          onClick={() => {
            setDraft(title);
            setMode("rename");
          }}
          aria-label={`Rename conversation ${title}`}
          className={iconButton}
        >
          <PencilIcon className="size-3.5" />
        </button>
        <button type="button" onClick={() => setMode("confirm-delete")} aria-label={`Delete conversation ${title}`} className={iconButton}>
          <TrashIcon className="size-3.5" />
        </button>
      </div>
    </li>
  );
}
