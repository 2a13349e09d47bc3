"use client";
// The chatroom: one prompt, several models answering side by side. Works for a new
// comparison ("/", conversationId null) and an existing one ("/c/<id>"). Streams live in
// liveChatStore, outside this component, so moving from "/" to "/c/<id>" after the first
// send does not lose a single token.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ColumnSettings } from "@/lib/chat/api-types";
import { ApiError, fetchConversation, queryKeys } from "@/lib/chat/client/api";
import { buildChatView, coveredSessions } from "@/lib/chat/client/chat-view";
import { MAX_MODELS } from "@/lib/chat/client/limits";
import { liveChatStore } from "@/lib/chat/client/live-store";
import { useLiveSessions } from "@/lib/chat/client/use-live-sessions";
import { useModels } from "@/lib/chat/client/use-models";
import { usePendingAttachments } from "@/lib/chat/client/use-pending-attachments";
import { sumPico } from "@/lib/format/usd";
import { useShortcut } from "@/components/layout/shortcuts";
import { ChatHeader } from "./chat-header";
import { ColumnsArea } from "./columns-area";
import { Composer } from "./composer";
import { EmptyComparison } from "./empty-comparison";
import { ModelPicker } from "./model-picker";
import { BLIND_OFF, BlindOptions, type BlindChoice } from "@/components/arena/blind-options";
import { RevealBanner } from "@/components/arena/reveal-banner";
import { useVoting } from "@/components/arena/use-voting";
import { CourseContext } from "./course-context";
import { useCourseActions } from "./use-course-actions";
import { ModelSetsMenu } from "./model-sets-menu";
import { useModelSetOpener } from "./use-model-set-opener";

/** How often a conversation streaming elsewhere is read again: the server checkpoints once a second. */
const LIVE_ELSEWHERE_POLL_MS = 1_000;

interface Props {
  conversationId: string | null;
  /** Model ids to start a new comparison with. */
  initialModels?: string[];
  /** Columns with their settings to start with (a link to a model set); wins over `initialModels`. */
  initialColumns?: ColumnSettings[];
  /** A saved model set (preset slug) to start with. */
  initialSet?: string;
  /** The name a link gave its columns: the comparison's title until the first send, and the name to save them under. */
  setName?: string;
}

export function ChatRoom({ conversationId: routeConversationId, initialModels, initialColumns, initialSet, setName }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { models, byId, isPending: modelsPending } = useModels();
  const sessions = useLiveSessions();
  const [sessionKey, setSessionKey] = useState<string | null>(null);
  // New comparison: the picked models. Existing one: edited settings (null = as saved).
  const [draftColumns, setDraftColumns] = useState<ColumnSettings[] | null>(() =>
    // Repeats are kept: one model twice compares two settings of it side by side.
    initialColumns?.length ? initialColumns.slice(0, MAX_MODELS) : initialModels?.length ? initialModels.slice(0, MAX_MODELS).map((modelId) => ({ modelId })) : null,
  );
  const openSet = useModelSetOpener(routeConversationId === null, initialSet, setDraftColumns);
  const [prompt, setPrompt] = useState("");
  const attachments = usePendingAttachments();
  const restoreAttachments = attachments.restore;
  // Tools switched on here; null = as saved with the conversation.
  const [draftTools, setDraftTools] = useState<string[] | null>(null);
  const [blind, setBlind] = useState<BlindChoice>(BLIND_OFF);

  const own = sessionKey ? sessions.find((s) => s.key === sessionKey) : undefined;
  const conversationId = routeConversationId ?? own?.conversationId ?? null;
  // Answers streaming elsewhere (another tab, another instance behind the load balancer) are
  // saved as they go (a checkpoint a second): while there are any, the saved copy is read again.
  const streamingHere = sessions.some((s) => s.conversationId === conversationId && (s.status === "connecting" || s.status === "streaming"));
  const conversationQuery = useQuery({
    queryKey: queryKeys.conversation(conversationId ?? ""),
    queryFn: () => fetchConversation(conversationId!),
    enabled: conversationId !== null,
    refetchInterval: (query) => (!streamingHere && query.state.data?.messages.some((m) => m.status === "streaming") ? LIVE_ELSEWHERE_POLL_MS : false),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
  const conversation = conversationQuery.data;
  const tools = useMemo(() => draftTools ?? conversation?.enabledTools ?? [], [draftTools, conversation?.enabledTools]);

  const related = useMemo(
    () => sessions.filter((s) => s.key === sessionKey || (conversationId !== null && s.conversationId === conversationId)),
    [sessions, sessionKey, conversationId],
  );
  const view = useMemo(() => buildChatView(conversation, related, draftColumns), [conversation, related, draftColumns]);
  const streaming = related.some((s) => s.status === "connecting" || s.status === "streaming");
  const failure = own?.status === "failed" ? own.error : null;
  // Stable while the settings are unchanged, so the composer and estimate skip the per-frame renders.
  const settingsKey = JSON.stringify(view.columns.map((c) => c.settings));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columnSettings = useMemo(() => view.columns.map((c) => c.settings), [settingsKey]);
  const totalCost = useMemo(() => sumPico([...view.answers.values()].map((a) => a.stats?.costPico)), [view.answers]);
  // A blind comparison before its vote (saved, or just sent): no figure may tell its models apart.
  const blindHidden = conversation?.blind?.hidden ?? (own?.requestColumns.some((c) => c.modelId.startsWith("blind/")) === true);
  const voting = useVoting(conversation, view, streaming);

  // After the first send, the comparison gets its own address. The stream lives on in the store.
  useEffect(() => {
    if (routeConversationId === null && own?.conversationId) router.replace(`/c/${encodeURIComponent(own.conversationId)}`);
  }, [routeConversationId, own?.conversationId, router]);

  // Once the server's copy shows a finished session's answers, the live copy can go.
  useEffect(() => {
    if (routeConversationId === null) return;
    const keys = coveredSessions(conversation, related);
    if (keys.length > 0) liveChatStore.forget(keys);
  }, [routeConversationId, conversation, related]);

  // A request refused before any turn started (bad input): give the prompt back to edit.
  useEffect(() => {
    if (own?.status === "failed" && own.prompt) setPrompt((p) => (p === "" ? own.prompt! : p));
    if (own?.status === "failed" && own.attachments?.length) restoreAttachments(own.attachments);
  }, [own?.status, own?.prompt, own?.attachments, restoreAttachments]);

  const send = useCallback(() => {
    const text = prompt.trim();
    if (!text || streaming || attachments.uploading) return;
    if (sessionKey) liveChatStore.forget([sessionKey]);
    const picked = draftColumns ?? [];
    const files = attachments.ready.length ? { attachments: attachments.ready } : {};
    const key = conversationId
      ? liveChatStore.startTurn(queryClient, { conversationId, prompt: text, columns: draftColumns ?? undefined, tools: draftTools ?? undefined, ...files })
      : blind.on && blind.source === "random"
        ? liveChatStore.startTurn(queryClient, {
            prompt: text,
            blind: true,
            random: { count: blind.count, ...(blind.pool === "picked" ? { pool: picked.map((c) => c.modelId) } : {}) },
            tools: draftTools ?? [],
            ...files,
          })
        : picked.length
          ? liveChatStore.startTurn(queryClient, { prompt: text, columns: picked, tools: draftTools ?? [], ...(blind.on ? { blind: true } : {}), ...files })
          : null;
    if (!key) return;
    // The picked order is not the blind order: forget it, the columns are "Model A", … now.
    if (!conversationId && blind.on) setDraftColumns(null);
    setSessionKey(key);
    setPrompt("");
    attachments.clear();
  }, [prompt, streaming, sessionKey, conversationId, draftColumns, draftTools, blind, queryClient, attachments]);

  const relatedRef = useRef(related);
  useEffect(() => {
    relatedRef.current = related;
  }, [related]);
  const stopAll = useCallback(() => {
    for (const s of relatedRef.current) if (s.status === "connecting" || s.status === "streaming") void liveChatStore.stopSession(s.key);
  }, []);

  useShortcut("stop-all", stopAll);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  useShortcut("focus-prompt", () => promptRef.current?.focus());

  const stopOne = useCallback((messageId: string) => void liveChatStore.stopAnswer(messageId).catch(() => undefined), []);

  const turnOf = useCallback((messageId: string) => conversation?.messages.find((m) => m.id === messageId)?.turn, [conversation]);
  const regenerate = useCallback(
    (messageId: string) => {
      const turn = turnOf(messageId);
      if (!conversationId || turn === undefined) return;
      liveChatStore.startRegenerate(queryClient, { conversationId, turn, messageId });
    },
    [conversationId, turnOf, queryClient],
  );

  const changeSettings = useCallback(
    (index: number, settings: ColumnSettings) => setDraftColumns((draft) => (draft ?? columnSettings).map((c, i) => (i === index ? settings : c))),
    [columnSettings],
  );

  const toggleModel = useCallback((modelId: string) => {
    setDraftColumns((draft) => {
      const list = draft ?? [];
      return list.some((c) => c.modelId === modelId) ? list.filter((c) => c.modelId !== modelId) : [...list, { modelId }];
    });
  }, []);
  const removeModel = useCallback((index: number) => setDraftColumns((draft) => (draft ?? []).filter((_, i) => i !== index)), []);

  const [courseError, setCourseError] = useState<string | null>(null);
  const clearDraft = useCallback(() => setDraftColumns(null), []);
  const course = useCourseActions({
    conversation,
    columns: columnSettings,
    streaming,
    models,
    tools: draftTools ?? undefined,
    onError: setCourseError,
    onColumnsSaved: clearDraft,
  });

  if (conversationQuery.error instanceof ApiError && conversationQuery.error.status === 404) {
    return (
      <div className="grid flex-1 place-items-center p-6 text-center">
        <div>
          <h1 className="text-lg font-semibold">Conversation not found</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">It may have been deleted.</p>
          <Link href="/" className="mt-3 inline-block rounded-lg bg-zinc-900 px-3 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
            New comparison
          </Link>
        </div>
      </div>
    );
  }

  const isNew = conversationId === null;
  const picking = isNew && !own;
  const title = conversation?.title ?? (isNew && !own ? (setName ? `New comparison: ${setName}` : "New comparison") : (own?.prompt?.slice(0, 60) ?? "Loading…"));
  const loading = conversationId !== null && !conversation && related.length === 0;

  return (
    <CourseContext.Provider value={course}>
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader
        title={title}
        costPico={blindHidden ? null : totalCost}
        conversationId={conversation ? conversation.id : null}
        // A model set saved from a blind comparison before its vote would name its models.
        actions={(picking || conversation) && !blindHidden && <ModelSetsMenu columns={columnSettings} onOpen={openSet} defaultName={setName} />}
      >
        {picking && (
          <div className="space-y-2">
            <BlindOptions value={blind} onChange={setBlind} />
            {!(blind.on && blind.source === "random" && blind.pool === "all") && (
              <ModelPicker models={models} loading={modelsPending} selected={(draftColumns ?? []).map((c) => c.modelId)} onToggle={toggleModel} onRemove={removeModel} />
            )}
          </div>
        )}
      </ChatHeader>
      {voting.revealed && <RevealBanner votes={voting.revealed} byId={byId} onClose={voting.dismissReveal} />}
      {failure && (
        <p role="alert" className="mx-3 mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200 dark:bg-red-950/40 dark:text-red-300 dark:ring-red-900">
          Could not send: {failure}
        </p>
      )}
      {courseError && (
        <p role="alert" className="mx-3 mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200 dark:bg-red-950/40 dark:text-red-300 dark:ring-red-900">
          {courseError}
        </p>
      )}
      {conversationQuery.isError && !(conversationQuery.error instanceof ApiError && conversationQuery.error.status === 404) && (
        <p role="alert" className="mx-3 mt-3 text-sm text-red-600">Could not load this conversation: {conversationQuery.error.message}</p>
      )}
      {loading ? (
        <p className="flex-1 p-6 text-sm text-zinc-600 dark:text-zinc-400">Loading conversation…</p>
      ) : view.columns.length === 0 || (picking && blind.on && blind.source === "random") ? (
        <EmptyComparison />
      ) : (
        <ColumnsArea
          view={view}
          byId={byId}
          canRegenerate={!streaming && conversation !== undefined}
          onStop={stopOne}
          onRegenerate={regenerate}
          onSettingsChange={changeSettings}
          turnExtra={voting.turnExtra}
        />
      )}
      <Composer
        promptRef={promptRef}
        prompt={prompt}
        onPromptChange={setPrompt}
        onSend={send}
        onStopAll={stopAll}
        streaming={streaming}
        canSend={(view.columns.length > 0 || (picking && blind.on && blind.source === "random")) && !loading}
        conversationId={conversationId}
        columns={picking && blind.on && blind.source === "random" ? [] : columnSettings}
        totalOnly={blind.on || blindHidden}
        tools={tools}
        onToolsChange={setDraftTools}
        hint={view.columns.length === 0 ? "Pick at least one model, then ask…" : undefined}
        attachments={attachments}
      />
    </div>
    </CourseContext.Provider>
  );
}
