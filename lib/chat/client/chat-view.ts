// Merges the server's copy of a conversation with the answers streaming in this tab into
// what the chatroom draws: columns, turns, and one answer per column and turn. Answer
// objects are passed through untouched (never copied) so memoised cards keep skipping.
import type { ColumnDto, ColumnSettings, ConversationDto, MessageDto } from "@/lib/chat/api-types";
import type { LiveAnswer, LiveSession } from "./live-types";
import { attachmentUrl, type AttachmentDto } from "@/lib/attachments/attachment-types";

export interface ViewColumn {
  /** Stable React key: the column id, or a placeholder before the server has named it. */
  key: string;
  columnId: string | null;
  index: number;
  settings: ColumnSettings;
  /** As saved: the model's display name, and whether it can still be called. */
  saved?: Pick<ColumnDto, "label" | "available" | "modelId">;
}

export interface ViewTurn {
  turn: number;
  prompt: string;
  /** The prompt's message id once the server has it. */
  id: string | null;
  /** Its edited siblings (branches), oldest first, when there are several. */
  versions?: string[];
  /** The answer every column continues from after this turn; null: each column its own. */
  sharedAnswerId?: string | null;
  /** The prompt's files, with where to read each (the owner's route, or a share link's). */
  attachments?: readonly (AttachmentDto & { url: string })[];
}

/** Events of a fused answer carry this where a column's carry the column id (lib/chat/fuse.ts). */
export const FUSION_KEY_PREFIX = "fusion:";

export type ViewAnswer = { kind: "saved"; message: MessageDto } | { kind: "live"; answer: LiveAnswer };

export interface ChatView {
  columns: ViewColumn[];
  turns: ViewTurn[];
  /** Keyed by `${column.key}:${turn}`. */
  answers: Map<string, MessageDto | LiveAnswer>;
  /** A turn's fused answer, by turn. */
  fusions: Map<number, MessageDto | LiveAnswer>;
}

export const answerKey = (columnKey: string, turn: number) => `${columnKey}:${turn}`;

export function isLiveAnswer(answer: MessageDto | LiveAnswer): answer is LiveAnswer {
  return "messageId" in answer;
}

export function buildChatView(
  conversation: ConversationDto | undefined,
  sessions: readonly LiveSession[],
  draftColumns: readonly ColumnSettings[] | null,
): ChatView {
  const answers = new Map<string, MessageDto | LiveAnswer>();
  const fusions = new Map<number, MessageDto | LiveAnswer>();
  const prompts = new Map<number, string>();
  const promptMessages = new Map<number, MessageDto>();
  const files = new Map<number, readonly AttachmentDto[]>();
  let columns: ViewColumn[];

  if (conversation) {
    columns = conversation.columns.map((c, index) => ({
      key: c.id,
      columnId: c.id,
      index,
      settings: draftColumns?.[index] ?? { modelId: c.modelId, temperature: c.temperature, maxTokens: c.maxTokens, systemPrompt: c.systemPrompt, topP: c.topP, stop: c.stop, reasoningEffort: c.reasoningEffort },
      saved: { label: c.label, available: c.available, modelId: c.modelId },
    }));
    for (const m of conversation.messages) {
      if (m.role === "user") {
        prompts.set(m.turn, m.content);
        promptMessages.set(m.turn, m);
        if (m.attachments?.length) files.set(m.turn, m.attachments);
      } else if (m.role === "fusion") fusions.set(m.turn, m);
      else if (m.columnId) answers.set(answerKey(m.columnId, m.turn), m);
    }
  } else {
    // A brand-new comparison: the columns are what was picked (or asked for) until the server answers.
    const asked = sessions.find((s) => s.requestColumns.length > 0)?.requestColumns;
    columns = (asked ?? draftColumns ?? []).map((settings, index) => ({ key: `pending-${index}`, columnId: null, index, settings }));
  }

  for (const session of sessions) {
    // An edited prompt streaming now replaces its turn, and the old branch's later turns go.
    if (session.editOf && session.turn !== null && session.prompt !== null && (session.status === "connecting" || session.status === "streaming")) {
      prompts.set(session.turn, session.prompt);
      promptMessages.delete(session.turn);
      files.delete(session.turn);
      for (const turn of [...prompts.keys()]) if (turn > session.turn) prompts.delete(turn);
    }
    const sessionTurn = session.turn ?? (session.status !== "failed" && prompts.size === 0 ? 0 : null);
    if (sessionTurn !== null && session.attachments?.length && !files.has(sessionTurn) && !prompts.has(sessionTurn)) files.set(sessionTurn, session.attachments);
    if (session.turn !== null && session.prompt !== null && !prompts.has(session.turn)) prompts.set(session.turn, session.prompt);
    if (session.turn === null && session.prompt !== null && session.status !== "failed" && prompts.size === 0) prompts.set(0, session.prompt);
    for (const live of Object.values(session.answers)) {
      if (live.columnId.startsWith(FUSION_KEY_PREFIX)) {
        const saved = fusions.get(live.turn);
        if (!(saved && !isLiveAnswer(saved) && saved.id === live.messageId && saved.status !== "streaming")) fusions.set(live.turn, live);
        continue;
      }
      const column = columns.find((c) => c.columnId === live.columnId) ?? placeholderFor(columns, live, answers);
      if (!column) continue;
      const key = answerKey(column.key, live.turn);
      const saved = answers.get(key);
      // The server's copy wins once it is final for this very message; a regeneration has a new id.
      if (saved && !isLiveAnswer(saved) && saved.id === live.messageId && saved.status !== "streaming") continue;
      answers.set(key, live);
    }
  }

  const turns = [...prompts.entries()].sort((a, b) => a[0] - b[0]).map(([turn, prompt]) => internTurn(turn, prompt, promptMessages.get(turn), files.get(turn)));
  return { columns, turns, answers, fusions };
}

/** Before the conversation has loaded, a live answer goes to the first pending column of its model. */
function placeholderFor(columns: ViewColumn[], live: LiveAnswer, answers: Map<string, MessageDto | LiveAnswer>): ViewColumn | undefined {
  return columns.find((c) => c.columnId === null && c.settings.modelId === live.modelId && !answers.has(answerKey(c.key, live.turn)));
}

/** Sessions whose every answer the server's copy now shows as final: safe to drop. */
export function coveredSessions(conversation: ConversationDto | undefined, sessions: readonly LiveSession[]): string[] {
  if (!conversation) return [];
  const final = new Set(conversation.messages.filter((m) => m.status !== "streaming").map((m) => m.id));
  return sessions
    .filter((s) => s.status === "finished" && s.conversationId === conversation.id)
    .filter((s) => Object.values(s.answers).every((a) => final.has(a.messageId)))
    .map((s) => s.key);
}

// Same turn, same object: lets memoised columns compare turns by identity.
const turnCache = new Map<string, ViewTurn>();
function internTurn(turn: number, prompt: string, message: MessageDto | undefined, attachments?: readonly AttachmentDto[]): ViewTurn {
  const key = [turn, prompt, message?.id, message?.versions?.join(","), message?.sharedAnswerId, attachments?.map((a) => a.id).join(",") ?? ""].join("\u0000");
  let cached = turnCache.get(key);
  if (!cached) {
    if (turnCache.size > 500) turnCache.clear();
    cached = { turn, prompt, id: message?.id ?? null, versions: message?.versions, sharedAnswerId: message?.sharedAnswerId ?? null };
    if (attachments?.length) cached.attachments = attachments.map((a) => ({ ...a, url: attachmentUrl(a.id) }));
    turnCache.set(key, cached);
  }
  return cached;
}
