"use client";
// The chatroom's course actions (course-context.tsx) for one conversation: each calls its
// route (or starts a stream in liveChatStore) and then reloads the conversation.
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ColumnSettings, ConversationDto, ModelOption } from "@/lib/chat/api-types";
import { continueWithAnswer, queryKeys, selectVersion, updateColumns } from "@/lib/chat/client/api";
import { liveChatStore } from "@/lib/chat/client/live-store";
import type { CourseActions } from "./course-context";

interface Options {
  conversation: ConversationDto | undefined;
  /** The columns as shown, with unsent setting changes. */
  columns: readonly ColumnSettings[];
  streaming: boolean;
  models: readonly ModelOption[];
  tools: string[] | undefined;
  onError: (message: string | null) => void;
  /** The columns were saved: unsent setting changes are now part of them. */
  onColumnsSaved: () => void;
}

export function useCourseActions({ conversation, columns, streaming, models, tools, onError, onColumnsSaved }: Options): CourseActions | null {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const id = conversation?.id ?? null;

  return useMemo(() => {
    if (!id || !conversation) return null;
    const reload = () => queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) });
    const run = async (work: () => Promise<unknown>) => {
      setPending(true);
      onError(null);
      try {
        await work();
      } catch (error) {
        onError(error instanceof Error ? error.message : String(error));
      } finally {
        setPending(false);
        await reload();
      }
    };
    return {
      busy: streaming || pending,
      models,
      select: (messageId) => void run(() => selectVersion(messageId)),
      continueWith: (promptId, answerId) => void run(() => continueWithAnswer(promptId, answerId)),
      edit: (promptId, prompt) => {
        liveChatStore.startTurn(queryClient, { conversationId: id, prompt, editOf: promptId, columns: [...columns], tools });
      },
      fuse: (turn, promptId, modelId) => {
        liveChatStore.startFuse(queryClient, { conversationId: id, turn, promptId, modelId });
      },
      setColumnModel: (index, modelId) =>
        void run(async () => {
          const next: (ColumnSettings & { id?: string })[] = columns.map((settings, i) => ({ ...settings, id: conversation.columns[i]?.id }));
          if (modelId === null) next.splice(index, 1);
          else if (index >= next.length) next.push({ modelId });
          else next[index] = { ...next[index], modelId };
          const saved = await updateColumns(id, next);
          queryClient.setQueryData(queryKeys.conversation(id), saved);
          onColumnsSaved();
        }),
    };
  }, [id, conversation, columns, streaming, pending, models, tools, queryClient, onError, onColumnsSaved]);
}
