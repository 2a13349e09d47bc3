// One turn of a comparison: save the prompt, open one answer per column, run the columns
// side by side and multiplex their events into one stream.
import { getDb } from "../db/client";
import { newId } from "../db/new-id";
import { dbTime } from "../db/db-time";
import { hotWrite, type HotWrite } from "../db/hot-writes";
import { titleFromPrompt } from "../db/conversations";
import { columnData } from "../db/column-row";
import { AppError } from "../errors";
import { multiplex } from "../streaming/multiplex";
import type { ChatEvent, ColumnStats } from "../streaming/events";
import type { ChatRequestBody } from "./api-types";
import { buildColumnHistory, HISTORY_SELECT, type HistoryRow } from "./history";
import { MessageTree, type PathStep } from "../db/message-tree";
import { enabledToolsOf } from "../tools/registry";
import { checkpointDue } from "../calls/checkpoint";
import { registerLive, stopLive } from "../calls/live-calls";
import { ModelNotFoundError, resolveCandidates } from "../router/resolve-model";
import { presetSlugOf } from "../presets/apply-preset";
import { runColumn, type ColumnProgress, type ColumnRun } from "./run-column";
import { conversationAttachments, pendingAttachments } from "../db/attachments";
import { groupByTurn, omittedImageCount, promptContent } from "../attachments/prompt-content";
import { acceptsImages } from "../router/accepts-images";

export interface PreparedTurn {
  conversationId: string;
  turn: number;
  userMessageId: string;
  runs: Omit<ColumnRun, "signal" | "persisted">[];
  /** The turn's rows, written while the columns already stream (never on the token path). */
  persisted: Promise<void>;
}

type ColumnRow = ReturnType<typeof columnData> & { id: string };

export async function prepareTurn(userId: string, body: ChatRequestBody): Promise<PreparedTurn> {
  // An unknown model is refused before anything is written.
  // (A preset is looked up when its column runs: a missing one is that column's error.)
  for (const [i, column] of (body.columns ?? []).entries()) if (presetSlugOf(column.modelId) === null) assertModelExists(column.modelId, `columns.${i}.modelId`);
  const attached = await pendingAttachments(userId, body.attachments ?? []);
  const db = getDb();
  const now = dbTime();
  const writes: HotWrite[] = [];
  let conversationId: string;
  let columns: ColumnRow[];
  let history: PathStep<HistoryRow>[] = [];
  let parentId: string | null = null;
  let turn = 0;
  let tools = body.tools ?? [];

  if (!body.conversationId) {
    if (!body.columns?.length) throw new AppError(400, "A new comparison needs at least one model column", "invalid_request", "columns");
    conversationId = newId();
    columns = body.columns.map((settings, i) => ({ id: newId(), ...columnData(settings, i) }));
    writes.push(["insertConversation", { id: conversationId, userId, title: titleFromPrompt(body.prompt), blind: body.blind ? 1 : 0, now }]);
    if (tools.length) writes.push(["setConversationTools", { id: conversationId, enabledTools: tools.join(",") }]);
    for (const column of columns) writes.push(["insertColumn", { ...column, conversationId }]);
  } else {
    const owned = await db.conversation.findFirst({
      where: { id: body.conversationId, userId },
      include: { columns: { orderBy: { position: "asc" } }, messages: { select: HISTORY_SELECT } },
    });
    if (!owned) throw new AppError(404, "Conversation not found");
    conversationId = owned.id;
    columns = owned.columns;
    const tree = new MessageTree(owned.messages);
    if (body.editOf) {
      // An edited prompt is a new sibling of the old one: a branch from the turn before it.
      const edited = tree.get(body.editOf);
      if (!edited || edited.role !== "user") throw new AppError(404, "Prompt not found", "not_found", "editOf");
      parentId = edited.parentId;
      await db.message.updateMany({ where: { conversationId, role: "user", parentId }, data: { selected: false } });
    } else {
      parentId = tree.activePath().at(-1)?.prompt.id ?? null;
    }
    history = tree.pathTo(parentId);
    turn = history.length;
    if (body.columns) {
      if (body.columns.length !== owned.columns.length) {
        throw new AppError(400, `This conversation has ${owned.columns.length} columns; send settings for each`, "invalid_request", "columns");
      }
      columns = owned.columns.map((column, i) => ({ id: column.id, ...columnData(body.columns![i], i) }));
      for (const column of columns) writes.push(["updateColumn", column]);
    }
    writes.push(["touchConversation", { id: conversationId, now }]);
    if (body.tools) writes.push(["setConversationTools", { id: conversationId, enabledTools: body.tools.join(",") }]);
    else tools = enabledToolsOf(owned.enabledTools);
  }

  const userMessageId = newId();
  writes.push(["insertMessage", { id: userMessageId, conversationId, columnId: null, turn, role: "user", content: body.prompt, status: "done", modelId: null, parentId, now }]);
  attached.forEach((file, position) => writes.push(["claimAttachment", { id: file.id, userId, conversationId, turn, position }]));
  const order = columns.map((c) => c.id);
  const earlier = history.length ? await conversationAttachments(conversationId) : [];
  // Earlier turns' files go with their prompts in the history; this turn's go with the prompt below.
  const byTurn = groupByTurn(earlier);
  const runs = columns.map((column) => {
    const images = acceptsImages(column.modelId);
    return {
      userId,
      conversationId,
      columnId: column.id,
      messageId: newId(),
      modelId: column.modelId,
      messages: [
        ...buildColumnHistory(history, column.id, column.systemPrompt, order, { byTurn, images }),
        { role: "user" as const, content: promptContent(body.prompt, attached, images) },
      ],
      omittedImages: omittedImageCount(attached, images),
      settings: column,
      tools,
    };
  });
  for (const run of runs) {
    writes.push(["insertMessage", { id: run.messageId, conversationId, columnId: run.columnId, turn, role: "assistant", content: "", status: "streaming", modelId: run.modelId, parentId: userMessageId, now }]);
  }
  const persisted = hotWrite(writes);
  return { conversationId, turn, userMessageId, runs, persisted };
}

export interface ChatStream {
  /** Runs the turn, handing each event to `emit` as it happens (`header` first, `done` last);
   * resolves once every column has ended and been saved. */
  run(emit: (event: ChatEvent) => void): Promise<void>;
  /** Stops every column; what arrived is saved as "stopped". */
  stopAll(): void;
}

export function assertModelExists(modelId: string, param: string): void {
  try {
    resolveCandidates(modelId);
  } catch (error) {
    if (error instanceof ModelNotFoundError) throw new AppError(400, `${modelId}: ${error.message}`, "model_not_found", param);
    throw error;
  }
}

/** The prepared columns, ready to run side by side; `header` events go first (the turn, for a new conversation). */
export function streamColumns(turn: Pick<PreparedTurn, "runs" | "persisted">, header: ChatEvent[]): ChatStream {
  const { runs, persisted } = turn;
  const columns = runs.map((run) => {
    const controller = new AbortController();
    const progress: ColumnProgress = { rounds: [], reasoning: [], sink: null };
    // Registered so Stop (here or on another instance), shutdown and disabling can reach it, and
    // so its text so far is checkpointed: a crash keeps what the reader already saw.
    const unregister = registerLive({
      userId: run.userId,
      conversationId: run.conversationId,
      messageId: run.messageId,
      controller,
      checkpoint: answerCheckpoint(run.messageId, progress),
    });
    return { controller, progress, unregister };
  });
  // Should the turn's rows fail to save, its answers have nowhere to go: stop them.
  persisted.catch((error) => {
    console.error("[chat] could not save the turn:", error);
    columns.forEach((c) => c.controller.abort());
  });
  return {
    async run(emit) {
      header.forEach(emit);
      const sources = runs.map((run, i) => (push: (event: ChatEvent) => void) => runColumn({ ...run, persisted, signal: columns[i].controller.signal }, push, columns[i].progress));
      await multiplex(sources, emit, {
        onError: (i, error) => columnCrashed(runs[i], error),
        onSourceEnd: (i) => columns[i].unregister(),
      });
      emit({ type: "done" });
    },
    stopAll: () => runs.forEach((run) => stopLive({ messageId: run.messageId }, "client")),
  };
}

function answerCheckpoint(messageId: string, progress: ColumnProgress): () => HotWrite[] | null {
  const saved = { at: Date.now(), chars: 0 };
  return () => {
    const texts = [...progress.rounds, progress.sink?.text ?? ""];
    const reasonings = [...progress.reasoning, progress.sink?.reasoning ?? ""];
    const chars = [...texts, ...reasonings].reduce((n, t) => n + t.length, 0);
    if (!checkpointDue(saved.at, chars - saved.chars)) return null;
    Object.assign(saved, { at: Date.now(), chars });
    const join = (parts: string[]) => parts.filter(Boolean).join("\n\n");
    return [["checkpointMessage", { id: messageId, content: join(texts), reasoning: join(reasonings) }]];
  };
}

function columnCrashed(run: PreparedTurn["runs"][number], error: unknown): ChatEvent {
  const message = error instanceof Error ? error.message : String(error);
  const stats: ColumnStats = {
    status: "error", finishReason: null, error: message, provider: null, modelId: run.modelId,
    promptTokens: 0, completionTokens: 0, reasoningTokens: 0, cachedTokens: 0, usageEstimated: false,
    costPico: "0", ttftMs: null, totalMs: 0,
  };
  return { type: "column-error", columnId: run.columnId, messageId: run.messageId, error: message, stats };
}
