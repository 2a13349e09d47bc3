// One shape for an answer, whether it came from the server's copy or is streaming here.
import type { MessageDto } from "@/lib/chat/api-types";
import type { ColumnStats } from "@/lib/streaming/events";
import type { ToolTraceEntry } from "@/lib/tools/trace";
import type { AnswerStatus, LiveAnswer, LiveUsage } from "./live-types";

import { isBlindModelId } from "@/lib/chat/blind-labels";
export interface AnswerDisplay {
  messageId: string;
  status: AnswerStatus;
  text: string;
  reasoning: string;
  toolTrace: readonly ToolTraceEntry[];
  error: string | null;
  provider: string | null;
  stats: ColumnStats | null;
  /** Measured in this browser while streaming, before the server's exact stats arrive. */
  liveTtftMs: number | null;
  liveUsage: LiveUsage | null;
  /** What an imported answer cost where it came from; null for answers made here. */
  importedCostPico: string | null;
  /** A blind comparison before its vote: cost and speed are withheld (and not measured here). */
  hidden?: boolean;
}

export function toAnswerDisplay(answer: MessageDto | LiveAnswer): AnswerDisplay {
  if ("messageId" in answer) {
    return {
      messageId: answer.messageId,
      status: answer.status,
      text: answer.text,
      reasoning: answer.reasoning,
      toolTrace: answer.toolTrace,
      error: answer.error,
      provider: answer.provider,
      stats: answer.stats,
      liveTtftMs: answer.firstTokenAt === null ? null : answer.firstTokenAt - answer.startedAt,
      liveUsage: answer.usage,
      importedCostPico: null,
      hidden: isBlindModelId(answer.modelId) || answer.stats?.hidden === true,
    };
  }
  return {
    messageId: answer.id,
    status: answer.status,
    text: answer.content,
    reasoning: answer.reasoning,
    toolTrace: answer.toolTrace ?? [],
    error: answer.stats?.error ?? null,
    provider: answer.stats?.provider ?? null,
    stats: answer.stats,
    liveTtftMs: null,
    liveUsage: null,
    importedCostPico: answer.imported?.costPico ?? null,
    hidden: answer.stats?.hidden === true,
  };
}
