"use client";
// The sidebar's conversations: searchable by title and content, grouped by day, with an
// import of an exported JSON file.
import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import type { ConversationSummaryDto } from "@/lib/chat/api-types";
import { fetchConversations, queryKeys, searchConversations } from "@/lib/chat/client/api";
import { groupByDay } from "@/lib/chat/client/day-groups";
import { useDebouncedValue } from "@/lib/chat/client/use-debounced-value";
import { SearchIcon } from "@/components/ui/icons";
import { ConversationListItem } from "./conversation-list-item";
import { ImportConversationButton } from "./import-conversation-button";

export function ConversationList() {
  const pathname = usePathname() ?? "";
  const searchId = useId();
  const [query, setQuery] = useState("");
  const q = useDebouncedValue(query.trim(), 250);
  const all = useQuery({ queryKey: queryKeys.conversations, queryFn: fetchConversations });
  const found = useQuery({
    queryKey: queryKeys.conversationSearch(q),
    queryFn: ({ signal }) => searchConversations(q, signal),
    enabled: q !== "",
    placeholderData: keepPreviousData,
  });
  const activeId = pathname.startsWith("/c/") ? decodeURIComponent(pathname.slice(3).split("/")[0]) : null;
  const list = q ? found : all;

  return (
    <section aria-labelledby="conversations-heading" className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-x-2 px-2.5">
        <h2 id="conversations-heading" className="text-xs font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
          Conversations
        </h2>
        <ImportConversationButton />
      </div>
      <div className="relative px-1">
        <label htmlFor={searchId} className="sr-only">
          Search conversations
        </label>
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-3.5 -translate-y-1/2 text-zinc-600 dark:text-zinc-400" />
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search titles and answers"
          maxLength={200}
          className="w-full rounded-md border border-zinc-300 bg-white py-1 pr-2 pl-7 text-sm outline-none placeholder:text-zinc-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-400"
        />
      </div>
      <Results list={list} searching={q !== ""} activeId={activeId} />
    </section>
  );
}

function Results({ list, searching, activeId }: { list: UseQueryResult<ConversationSummaryDto[]>; searching: boolean; activeId: string | null }) {
  if (list.isPending) return <p className="px-2.5 text-sm text-zinc-600 dark:text-zinc-400">{searching ? "Searching…" : "Loading…"}</p>;
  if (list.isError) return <p role="alert" className="px-2.5 text-sm text-red-700 dark:text-red-400">Could not load conversations: {list.error.message}</p>;
  if (list.data.length === 0) {
    return (
      <p role={searching ? "status" : undefined} className="px-2.5 text-sm text-zinc-600 dark:text-zinc-400">
        {searching ? "No conversation matches." : "No comparisons yet. Pick some models and send a prompt."}
      </p>
    );
  }
  const groups = groupByDay(list.data, (c) => new Date(c.updatedAt), new Date());
  return (
    <div aria-label={searching ? "Search results" : undefined} role={searching ? "region" : undefined} className="-mx-1 min-h-0 flex-1 space-y-3 overflow-y-auto px-1">
      {groups.map((group) => (
        <div key={group.key} role="group" aria-labelledby={`day-${group.key}`}>
          <h3 id={`day-${group.key}`} className="px-2.5 pb-0.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            {group.label}
          </h3>
          <ul className="space-y-0.5">
            {group.items.map((conversation) => (
              <ConversationListItem key={conversation.id} conversation={conversation} active={conversation.id === activeId} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
