// A conversation created whole from elsewhere — a fork of a shared snapshot, an imported
// export file — in one transaction, so a half-copied conversation is never visible. Copied
// answers made no call here: they cost $0 on this instance and have no ledger rows (a
// conversation's total must equal its ledger rows). An imported answer keeps what it cost
// where it came from in its notes, marked as imported.
import type { ColumnSettings, MessageDto } from "../dto/conversation";
import type { StoredAttachment } from "./attachments";
import { getDb } from "./client";
import { columnData } from "./column-row";
import { newId } from "./new-id";

export type CopiedStats = {
  provider: string | null;
  finishReason: string | null;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  usageEstimated: boolean;
  ttftMs: number | null;
  totalMs: number | null;
};

/** The figures a copy keeps of an answer's stats (never its cost: see above). */
export function copiedStats(s: CopiedStats): CopiedStats {
  return {
    provider: s.provider,
    finishReason: s.finishReason,
    promptTokens: s.promptTokens,
    completionTokens: s.completionTokens,
    reasoningTokens: s.reasoningTokens,
    cachedTokens: s.cachedTokens,
    usageEstimated: s.usageEstimated,
    ttftMs: s.ttftMs,
    totalMs: s.totalMs,
  };
}

export interface CopiedAnswer {
  content: string;
  reasoning: string;
  status: "done" | "stopped" | "error";
  toolTrace?: unknown[];
  error?: string | null;
  stats?: CopiedStats;
  /** Set for imports: what the answer cost where it was exported (picodollars). */
  importedCostPico?: bigint;
}

export interface ConversationCopy {
  title: string;
  enabledTools?: string[];
  columns: ColumnSettings[];
  /** One entry per turn: its prompt, one answer (or null) per column in column order, and its fused answer if it had one. */
  turns: { prompt: string; answers: (CopiedAnswer | null)[]; fusion?: CopiedFusion }[];
  /** Files to copy with their bytes, each to the turn it names (a fork of a link that shared them). */
  attachments?: StoredAttachment[];
}

/** A turn's fused answer, with the model that merged the answers. */
export type CopiedFusion = CopiedAnswer & { modelId: string };

export async function insertConversationCopy(userId: string, copy: ConversationCopy, now = new Date()): Promise<string> {
  const conversationId = newId();
  const columnIds = copy.columns.map(() => newId());
  // One branch: each prompt follows the one before, each answer hangs under its prompt.
  const promptIds = copy.turns.map(() => newId());
  const messages = copy.turns.flatMap((turn, turnIndex) => [
    { id: promptIds[turnIndex], parentId: promptIds[turnIndex - 1] ?? null, columnId: null, turn: turnIndex, role: "user", content: turn.prompt, status: "done", createdAt: now },
    ...turn.answers.flatMap((answer, i) =>
      answer && columnIds[i] ? [{ ...answerRow(answer, columnIds[i], copy.columns[i].modelId, turnIndex, now), parentId: promptIds[turnIndex] }] : [],
    ),
    ...(turn.fusion ? [{ ...answerRow(turn.fusion, null, turn.fusion.modelId, turnIndex, now), role: "fusion", parentId: promptIds[turnIndex] }] : []),
  ]);
  const db = getDb();
  // Columns go first: messages refer to them.
  await db.$transaction([
    db.conversation.create({
      data: {
        id: conversationId,
        userId,
        title: copy.title,
        enabledTools: (copy.enabledTools ?? []).join(","),
        columns: {
          create: copy.columns.map((c, position) => ({ id: columnIds[position], ...columnData(c, position) })),
        },
      },
    }),
    db.message.createMany({ data: messages.map((m) => ({ ...m, conversationId })) }),
    db.attachment.createMany({
      data: (copy.attachments ?? []).map((a) => ({
        id: newId(),
        userId,
        conversationId,
        turn: a.turn,
        position: a.position,
        kind: a.kind,
        mimeType: a.mimeType,
        name: a.name,
        sizeBytes: a.sizeBytes,
        width: a.width,
        height: a.height,
        data: a.data,
        createdAt: now,
      })),
    }),
  ]);
  return conversationId;
}

function answerRow(answer: CopiedAnswer, columnId: string | null, modelId: string, turn: number, now: Date) {
  const s = answer.stats;
  return {
    id: newId(),
    columnId,
    turn,
    role: "assistant",
    content: answer.content,
    reasoning: answer.reasoning,
    status: answer.status,
    modelId,
    createdAt: now,
    toolTrace: JSON.stringify(answer.toolTrace ?? []),
    notes: answer.importedCostPico === undefined ? "[]" : JSON.stringify({ imported: { costPico: answer.importedCostPico.toString() } }),
    error: answer.error ?? null,
    provider: s?.provider ?? null,
    finishReason: s?.finishReason ?? null,
    promptTokens: s?.promptTokens ?? 0,
    completionTokens: s?.completionTokens ?? 0,
    reasoningTokens: s?.reasoningTokens ?? 0,
    cachedTokens: s?.cachedTokens ?? 0,
    usageEstimated: s?.usageEstimated ?? false,
    costPico: 0n,
    ttftMs: s?.ttftMs ?? null,
    totalMs: s?.totalMs ?? null,
  };
}

/** The import marker kept in a message's notes, if any. */
export function importedOf(notes: string): MessageDto["imported"] {
  try {
    const parsed = JSON.parse(notes) as { imported?: { costPico?: unknown } };
    const cost = parsed?.imported?.costPico;
    return typeof cost === "string" && /^\d+$/.test(cost) ? { costPico: cost } : undefined;
  } catch {
    return undefined;
  }
}
