// Message rows: the shared user prompt of a turn and each column's answer.
import type { Message } from "@prisma/client";
import type { MessageDto } from "../dto/conversation";
import type { ColumnStats } from "../dto/column-stats";
import { parseToolTrace, type ToolTraceEntry } from "../tools/trace";
import { getDb } from "./client";
import { dbTime } from "./db-time";
import { bool, hotWrite } from "./hot-writes";

export async function finishAssistantMessage(
  id: string,
  result: { content: string; reasoning: string; stats: ColumnStats; upstreamModel: string | null; toolTrace?: ToolTraceEntry[] },
): Promise<void> {
  const { stats } = result;
  await hotWrite([
    [
      "finishMessage",
      {
        id,
        content: result.content,
        reasoning: result.reasoning,
        toolTrace: JSON.stringify(result.toolTrace ?? []),
        notes: JSON.stringify({ droppedParams: stats.droppedParams, replayed: stats.replayed, omittedImages: stats.omittedImages }),
        status: stats.status,
        provider: stats.provider,
        upstreamModel: result.upstreamModel,
        finishReason: stats.finishReason,
        error: stats.error,
        promptTokens: stats.promptTokens,
        completionTokens: stats.completionTokens,
        reasoningTokens: stats.reasoningTokens,
        cachedTokens: stats.cachedTokens,
        cacheWriteTokens: stats.cacheWriteTokens ?? 0,
        usageEstimated: bool(stats.usageEstimated),
        costPico: BigInt(stats.costPico),
        ttftMs: stats.ttftMs,
        totalMs: stats.totalMs,
        now: dbTime(),
      },
    ],
  ]);
}

/** Answers left "streaming" by a crash are closed as errors on the next start. */
/** Which rows to leave open: those other instances still stream, and any newer than `before`. */
export interface KeepOpen {
  ids: string[];
  before: Date;
}

export async function closeInterruptedMessages(keep?: KeepOpen): Promise<number> {
  const result = await getDb().message.updateMany({
    where: { status: "streaming", ...(keep ? { id: { notIn: keep.ids }, createdAt: { lt: keep.before } } : {}) },
    data: { status: "error", error: "Interrupted: the server stopped before the answer finished" },
  });
  return result.count;
}

export function statsOf(message: Message): ColumnStats | null {
  if (message.role === "user") return null;
  return {
    status: message.status === "streaming" ? "done" : (message.status as ColumnStats["status"]),
    finishReason: message.finishReason,
    error: message.error,
    provider: message.provider,
    modelId: message.modelId ?? "",
    promptTokens: message.promptTokens,
    completionTokens: message.completionTokens,
    reasoningTokens: message.reasoningTokens,
    cachedTokens: message.cachedTokens,
    cacheWriteTokens: message.cacheWriteTokens,
    usageEstimated: message.usageEstimated,
    costPico: message.costPico.toString(),
    ttftMs: message.ttftMs,
    totalMs: message.totalMs ?? 0,
    ...parseNotes(message.notes),
  };
}

export function messageToDto(message: Message): MessageDto {
  return {
    id: message.id,
    columnId: message.columnId,
    turn: message.turn,
    role: message.role as MessageDto["role"],
    content: message.content,
    reasoning: message.reasoning,
    status: message.status as MessageDto["status"],
    stats: statsOf(message),
    toolTrace: parseToolTrace(message.toolTrace),
    parentId: message.parentId,
    ...(message.role === "user" ? { sharedAnswerId: message.sharedAnswerId } : { modelId: message.modelId }),
    createdAt: message.createdAt.toISOString(),
  };
}

function parseNotes(json: string): Pick<ColumnStats, "droppedParams" | "replayed" | "omittedImages"> {
  try {
    const notes = JSON.parse(json) as Pick<ColumnStats, "droppedParams" | "replayed" | "omittedImages">;
    return {
      ...(notes.droppedParams?.length ? { droppedParams: notes.droppedParams } : {}),
      ...(notes.replayed ? { replayed: true } : {}),
      ...(notes.omittedImages ? { omittedImages: notes.omittedImages } : {}),
    };
  } catch {
    return {};
  }
}
