// One turn of a comparison: save the prompt, open one answer per column, run the columns
// side by side and multiplex their events into one stream.
import { getDb } from "../db/client";
import { columnData, titleFromPrompt } from "../db/conversations";
import { AppError } from "../errors";
import { multiplex } from "../streaming/multiplex";
import type { ChatEvent, ColumnStats } from "../streaming/events";
import type { ChatRequestBody } from "./api-types";
import { buildColumnHistory } from "./history";
import { runColumn, type ColumnRun } from "./run-column";
import { registerLiveColumn, stopColumns, unregisterLiveColumn } from "./stop-registry";

export interface PreparedTurn {
  conversationId: string;
  turn: number;
  userMessageId: string;
  runs: Omit<ColumnRun, "signal">[];
}

export async function prepareTurn(userId: string, body: ChatRequestBody): Promise<PreparedTurn> {
  return getDb().$transaction(async (tx) => {
    let conversationId = body.conversationId;
    if (!conversationId) {
      if (!body.columns?.length) throw new AppError(400, "A new comparison needs at least one model column", "invalid_request", "columns");
      const created = await tx.conversation.create({
        data: { userId, title: titleFromPrompt(body.prompt), columns: { create: body.columns.map(columnData) } },
      });
      conversationId = created.id;
    } else {
      const owned = await tx.conversation.findFirst({ where: { id: conversationId, userId }, include: { columns: true } });
      if (!owned) throw new AppError(404, "Conversation not found");
      if (body.columns) {
        if (body.columns.length !== owned.columns.length) {
          throw new AppError(400, `This conversation has ${owned.columns.length} columns; send settings for each`, "invalid_request", "columns");
        }
        const byPosition = [...owned.columns].sort((a, b) => a.position - b.position);
        for (const [i, settings] of body.columns.entries()) {
          await tx.conversationColumn.update({ where: { id: byPosition[i].id }, data: columnData(settings, i) });
        }
      }
      await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } });
    }

    const columns = await tx.conversationColumn.findMany({ where: { conversationId }, orderBy: { position: "asc" } });
    const last = await tx.message.aggregate({ where: { conversationId }, _max: { turn: true } });
    const turn = (last._max.turn ?? -1) + 1;
    const userMessage = await tx.message.create({ data: { conversationId, turn, role: "user", content: body.prompt, status: "done" } });
    const history = await tx.message.findMany({ where: { conversationId }, select: { role: true, columnId: true, turn: true, content: true } });

    const runs: PreparedTurn["runs"] = [];
    for (const column of columns) {
      const answer = await tx.message.create({
        data: { conversationId, columnId: column.id, turn, role: "assistant", status: "streaming", modelId: column.modelId },
      });
      runs.push({
        userId,
        conversationId,
        columnId: column.id,
        messageId: answer.id,
        modelId: column.modelId,
        messages: buildColumnHistory(history, column.id, turn, column.systemPrompt),
        temperature: column.temperature,
        maxTokens: column.maxTokens,
      });
    }
    return { conversationId, turn, userMessageId: userMessage.id, runs };
  });
}

/** Runs the prepared columns; `header` events go first (the turn, for a new conversation). */
export function streamColumns(runs: PreparedTurn["runs"], header: ChatEvent[]): { events: AsyncGenerator<ChatEvent>; stopAll: () => void } {
  const controllers = runs.map((run) => registerLiveColumn(run.messageId, run.conversationId));
  const sources = runs.map((run, i) => guard(runColumn({ ...run, signal: controllers[i].signal }), run.messageId));
  async function* events(): AsyncGenerator<ChatEvent> {
    yield* header;
    yield* multiplex(sources, (i, error) => columnCrashed(runs[i], error));
    yield { type: "done" };
  }
  return { events: events(), stopAll: () => runs.forEach((run) => stopColumns({ messageId: run.messageId })) };
}

async function* guard(source: AsyncGenerator<ChatEvent>, messageId: string): AsyncGenerator<ChatEvent> {
  try {
    yield* source;
  } finally {
    unregisterLiveColumn(messageId);
  }
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
