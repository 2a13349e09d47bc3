// Streams live outside React, so a stream survives the page change from "/" to "/c/<id>"
// and a conversation can be left and re-opened while its models are still answering.
// SSE deltas are applied to mutable drafts and published once per animation frame: eight
// columns at 100 tokens/s each still cost one React render per frame, not 800 per second.
import { blindModelId } from "@/lib/chat/blind-labels";
import type { QueryClient } from "@tanstack/react-query";
import type { AttachmentDto } from "@/lib/attachments/attachment-types";
import type { ChatRequestBody } from "@/lib/chat/api-types";
import type { ChatEvent } from "@/lib/streaming/events";
import { queryKeys, stopStreaming } from "./api";
import type { LiveAnswer, LiveSession } from "./live-types";
import { streamChatEvents } from "./stream-chat-events";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Draft {
  session: Mutable<Omit<LiveSession, "answers">>;
  answers: Map<string, Mutable<LiveAnswer>>;
  dirty: Set<string>;
  published: LiveSession | null;
  controller: AbortController;
  startedAt: number;
}

let counter = 0;
const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

export class LiveChatStore {
  private drafts = new Map<string, Draft>();
  private snapshot: readonly LiveSession[] = [];
  private listeners = new Set<() => void>();
  private frame: number | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly LiveSession[] => this.snapshot;

  startTurn(
    queryClient: QueryClient,
    // The request body, but with the files themselves (the view shows them while the turn starts).
    { attachments, ...body }: Omit<ChatRequestBody, "attachments"> & { attachments?: readonly AttachmentDto[] },
  ): string {
    // A blind comparison's columns are "Model A", "Model B", … until the server has them.
    const count = body.random?.count ?? body.columns?.length ?? 0;
    const sent = attachments?.length ? { ...body, attachments: attachments.map((a) => a.id) } : body;
    return this.start(queryClient, "/api/chat", sent, {
      kind: "turn",
      editOf: body.editOf ?? null,
      conversationId: body.conversationId ?? null,
      turn: null,
      prompt: body.prompt,
      requestColumns: body.blind ? Array.from({ length: count }, (_, i) => ({ modelId: blindModelId(i) })) : (body.columns ?? []),
      ...(attachments?.length ? { attachments } : {}),
    });
  }

  startRegenerate(queryClient: QueryClient, answer: { conversationId: string; turn: number; messageId: string }): string {
    // The old answer is replaced on the server; an earlier session must not keep showing it.
    for (const draft of this.drafts.values()) {
      for (const [columnId, live] of draft.answers) if (live.messageId === answer.messageId) draft.answers.delete(columnId);
    }
    return this.start(queryClient, "/api/chat/regenerate", { messageId: answer.messageId }, {
      kind: "regenerate",
      conversationId: answer.conversationId,
      turn: answer.turn,
      prompt: null,
      requestColumns: [],
    });
  }

  /** A chosen model merges a turn's answers; its events carry the fusion key as their column. */
  startFuse(queryClient: QueryClient, fusion: { conversationId: string; turn: number; promptId: string; modelId: string }): string {
    return this.start(queryClient, "/api/chat/fuse", { promptId: fusion.promptId, modelId: fusion.modelId }, {
      kind: "fuse",
      conversationId: fusion.conversationId,
      turn: fusion.turn,
      prompt: null,
      requestColumns: [],
    });
  }

  /** Stops one column; the stream then delivers its column-end with status "stopped". */
  async stopAnswer(messageId: string): Promise<void> {
    await stopStreaming({ messageId });
  }

  /** Stops every column of a session. Before the server named the conversation, aborting is the only handle. */
  async stopSession(key: string): Promise<void> {
    const draft = this.drafts.get(key);
    if (!draft) return;
    const { conversationId } = draft.session;
    if (!conversationId) {
      draft.controller.abort();
      return;
    }
    try {
      // Nothing stopped while this tab still streams means the server lost track of it:
      // closing the stream stops whatever is left.
      const { stopped } = await stopStreaming({ conversationId });
      if (stopped === 0 && draft.session.status !== "finished") draft.controller.abort();
    } catch {
      draft.controller.abort();
    }
  }

  /** Drops finished sessions once the server's copy of the conversation shows their answers. */
  forget(keys: string[]): void {
    let changed = false;
    for (const key of keys) {
      const draft = this.drafts.get(key);
      if (draft && (draft.session.status === "finished" || draft.session.status === "failed")) {
        this.drafts.delete(key);
        changed = true;
      }
    }
    if (changed) this.publish();
  }

  forgetConversation(conversationId: string): void {
    for (const [key, draft] of this.drafts) {
      if (draft.session.conversationId === conversationId) {
        draft.controller.abort();
        this.drafts.delete(key);
      }
    }
    this.publish();
  }

  private start(queryClient: QueryClient, url: string, body: unknown, init: Omit<LiveSession, "key" | "answers" | "status" | "error">): string {
    const key = `live-${Date.now().toString(36)}-${(counter++).toString(36)}`;
    const draft: Draft = {
      session: { key, ...init, status: "connecting", error: null },
      answers: new Map(),
      dirty: new Set(),
      published: null,
      controller: new AbortController(),
      startedAt: now(),
    };
    this.drafts.set(key, draft);
    this.publish();
    void this.run(queryClient, draft, url, body);
    return key;
  }

  private async run(queryClient: QueryClient, draft: Draft, url: string, body: unknown): Promise<void> {
    try {
      await streamChatEvents(url, body, draft.controller.signal, (event) => this.apply(queryClient, draft, event));
      draft.session.status = "finished";
    } catch (error) {
      const aborted = draft.controller.signal.aborted;
      draft.session.status = draft.session.turn === null && !aborted ? "failed" : "finished";
      if (!aborted) draft.session.error = error instanceof Error ? error.message : String(error);
    }
    // Columns still open when the stream ended were cut off; the server's copy says the rest.
    for (const answer of draft.answers.values()) {
      if (answer.status === "streaming") {
        answer.status = draft.controller.signal.aborted ? "stopped" : "error";
        answer.error = draft.controller.signal.aborted ? null : (draft.session.error ?? "The stream ended early");
        answer.endedAt = now();
        draft.dirty.add(answer.columnId);
      }
    }
    this.flushNow();
    const { conversationId } = draft.session;
    if (conversationId) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    }
  }

  private apply(queryClient: QueryClient, draft: Draft, event: ChatEvent): void {
    const { session } = draft;
    switch (event.type) {
      case "turn":
        session.conversationId = event.conversationId;
        session.turn = event.turn;
        session.status = "streaming";
        // The new conversation belongs in the sidebar now, not when the slowest model is done.
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
        this.flushNow();
        return;
      case "column-start":
        session.status = "streaming";
        draft.answers.set(event.columnId, {
          columnId: event.columnId,
          messageId: event.messageId,
          modelId: event.modelId,
          turn: session.turn ?? 0,
          text: "",
          reasoning: "",
          toolTrace: [],
          provider: null,
          usage: null,
          stats: null,
          status: "streaming",
          error: null,
          startedAt: draft.startedAt,
          firstTokenAt: null,
          endedAt: null,
        });
        break;
      case "done":
        return;
      default: {
        const answer = draft.answers.get(event.columnId);
        if (!answer) return;
        if (event.type === "text" || event.type === "reasoning") {
          answer.firstTokenAt ??= now();
          if (event.type === "text") answer.text += event.text;
          else answer.reasoning += event.text;
        } else if (event.type === "tool-call") {
          answer.toolTrace = [...answer.toolTrace, event.call];
        } else if (event.type === "tool-result") {
          answer.toolTrace = answer.toolTrace.map((c) => (c.id === event.id ? { ...c, ok: event.ok, result: event.result } : c));
        } else if (event.type === "provider") {
          answer.provider = event.provider;
        } else if (event.type === "usage") {
          answer.usage = event.usage;
        } else if (event.type === "column-end" || event.type === "column-error") {
          answer.stats = event.stats;
          answer.status = event.stats.status;
          answer.error = event.type === "column-error" ? event.error : event.stats.error;
          answer.provider = event.stats.provider ?? answer.provider;
          answer.endedAt = now();
        }
      }
    }
    draft.dirty.add("columnId" in event ? event.columnId : "");
    this.schedule();
  }

  private schedule(): void {
    if (this.frame !== null) return;
    if (typeof requestAnimationFrame === "undefined") {
      this.flushNow();
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.publish();
    });
  }

  private flushNow(): void {
    if (this.frame !== null && typeof cancelAnimationFrame !== "undefined") cancelAnimationFrame(this.frame);
    this.frame = null;
    this.publish();
  }

  private publish(): void {
    const sessions: LiveSession[] = [];
    for (const draft of this.drafts.values()) {
      const previous = draft.published;
      const answers: Record<string, LiveAnswer> = {};
      for (const [columnId, answer] of draft.answers) {
        const old = previous?.answers[columnId];
        answers[columnId] = old && !draft.dirty.has(columnId) ? old : { ...answer };
      }
      draft.dirty.clear();
      const next: LiveSession = { ...draft.session, answers };
      const same =
        previous &&
        Object.keys(answers).length === Object.keys(previous.answers).length &&
        Object.entries(answers).every(([id, a]) => previous.answers[id] === a) &&
        (Object.keys(draft.session) as (keyof typeof draft.session)[]).every((k) => previous[k] === draft.session[k]);
      draft.published = same ? previous : next;
      sessions.push(draft.published);
    }
    this.snapshot = sessions;
    for (const listener of this.listeners) listener();
  }
}

export const liveChatStore = new LiveChatStore();
