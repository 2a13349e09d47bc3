// A conversation as an export file (JSON) — the owner's full copy: system prompts, stats
// and costs included, unlike a share snapshot.
import { copiedStats } from "../../db/conversation-copy";
import type { ConversationDto, MessageDto } from "../api-types";
import { EXPORT_FORMAT, EXPORT_VERSION, type ConversationExport, type ExportedAnswer } from "./export-format";

export function buildExport(conversation: ConversationDto, nameOf: (modelId: string) => string, now = new Date()): ConversationExport {
  const columnIndex = new Map(conversation.columns.map((c, i) => [c.id, i]));
  const turns = new Map<number, ConversationExport["turns"][number]>();
  const turnOf = (turn: number) => {
    let entry = turns.get(turn);
    if (!entry) turns.set(turn, (entry = { prompt: "", answers: conversation.columns.map(() => null) }));
    return entry;
  };
  for (const message of conversation.messages) {
    if (message.role === "user") {
      turnOf(message.turn).prompt = message.content;
      if (message.attachments?.length) {
        turnOf(message.turn).attachments = message.attachments.map((a) => ({ name: a.name, kind: a.kind, mimeType: a.mimeType, sizeBytes: a.sizeBytes, width: a.width, height: a.height }));
      }
    }
    else if (message.role === "fusion" && message.modelId) turnOf(message.turn).fusion = { modelId: message.modelId, name: nameOf(message.modelId), ...exportedAnswer(message) };
    else if (message.columnId !== null && columnIndex.has(message.columnId)) turnOf(message.turn).answers[columnIndex.get(message.columnId)!] = exportedAnswer(message);
  }
  const ordered = [...turns.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  const total = ordered.flatMap((t) => [...t.answers, t.fusion]).reduce((sum, a) => sum + BigInt(a?.stats?.costPico ?? "0"), 0n);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    title: conversation.title,
    tools: conversation.enabledTools ?? [],
    columns: conversation.columns.map((c) => ({
      modelId: c.modelId,
      name: nameOf(c.modelId),
      temperature: c.temperature,
      maxTokens: c.maxTokens,
      systemPrompt: c.systemPrompt,
      topP: c.topP ?? null,
      stop: c.stop ?? null,
      reasoningEffort: c.reasoningEffort ?? null,
    })),
    turns: ordered,
    totalCostPico: total.toString(),
  };
}

function exportedAnswer(message: MessageDto): ExportedAnswer {
  const s = message.stats;
  return {
    // An answer still streaming is exported as far as it got.
    status: message.status === "streaming" ? "stopped" : message.status,
    content: message.content,
    reasoning: message.reasoning,
    error: s?.error ?? null,
    toolTrace: message.toolTrace ?? [],
    // An answer imported earlier travels with what it cost where it was made.
    stats: s && { ...copiedStats(s), costPico: message.imported?.costPico ?? s.costPico },
  };
}
