"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { fetchConversations, queryKeys } from "@/lib/chat/client/api";
import { ConversationListItem } from "./conversation-list-item";

export function ConversationList() {
  const pathname = usePathname() ?? "";
  const { data, isPending, isError, error } = useQuery({ queryKey: queryKeys.conversations, queryFn: fetchConversations });
  const activeId = pathname.startsWith("/c/") ? decodeURIComponent(pathname.slice(3).split("/")[0]) : null;

  if (isPending) return <p className="px-2.5 text-sm text-zinc-500">Loading…</p>;
  if (isError) return <p role="alert" className="px-2.5 text-sm text-red-600 dark:text-red-400">Could not load conversations: {error.message}</p>;
  if (data.length === 0) return <p className="px-2.5 text-sm text-zinc-500">No comparisons yet. Pick some models and send a prompt.</p>;

  return (
    <ul className="-mx-1 min-h-0 flex-1 space-y-0.5 overflow-y-auto px-1">
      {data.map((conversation) => (
        <ConversationListItem key={conversation.id} conversation={conversation} active={conversation.id === activeId} />
      ))}
    </ul>
  );
}
