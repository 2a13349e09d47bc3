// Conversation queries, always scoped to their owner in the query itself.
import type { ColumnSettings, ConversationDto, ConversationSummaryDto } from "../chat/api-types";
import { getDb } from "./client";
import { importedOf } from "./conversation-copy";
import { messageToDto } from "./messages";
import { attachmentDtosByTurn } from "./attachments";
import { enabledToolsOf } from "../tools/registry";

/** Newest first; `ids` narrows the list to those conversations (search results). */
export async function listConversations(userId: string, ids?: string[]): Promise<ConversationSummaryDto[]> {
  const db = getDb();
  const rows = await db.conversation.findMany({ where: { userId, ...(ids ? { id: { in: ids } } : {}) }, orderBy: { updatedAt: "desc" }, take: 500 });
  const totals = await db.message.groupBy({
    by: ["conversationId"],
    where: { conversationId: { in: rows.map((r) => r.id) } },
    _sum: { costPico: true },
  });
  const costOf = new Map(totals.map((t) => [t.conversationId, t._sum.costPico ?? 0n]));
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString(), costPico: (costOf.get(r.id) ?? 0n).toString() }));
}

export async function getConversation(userId: string, id: string): Promise<ConversationDto | null> {
  const db = getDb();
  const conversation = await db.conversation.findFirst({
    where: { id, userId },
    include: { columns: { orderBy: { position: "asc" } }, messages: { orderBy: [{ turn: "asc" }, { createdAt: "asc" }] } },
  });
  if (!conversation) return null;
  const positionOf = new Map(conversation.columns.map((c) => [c.id, c.position]));
  // Within a turn: the user prompt first, then answers in column order.
  const messages = [...conversation.messages].sort(
    (a, b) => a.turn - b.turn || (positionOf.get(a.columnId ?? "") ?? -1) - (positionOf.get(b.columnId ?? "") ?? -1),
  );
  const cost = messages.reduce((sum, m) => sum + m.costPico, 0n);
  const attachments = await attachmentDtosByTurn(conversation.id);
  return {
    id: conversation.id,
    title: conversation.title,
    updatedAt: conversation.updatedAt.toISOString(),
    costPico: cost.toString(),
    enabledTools: enabledToolsOf(conversation.enabledTools),
    columns: conversation.columns.map((c) => ({
      id: c.id,
      position: c.position,
      modelId: c.modelId,
      temperature: c.temperature,
      maxTokens: c.maxTokens,
      systemPrompt: c.systemPrompt,
    })),
    messages: messages.map((m) => {
      const imported = m.role === "assistant" ? importedOf(m.notes) : undefined;
      const files = m.role === "user" ? attachments.get(m.turn) : undefined;
      return { ...messageToDto(m), ...(imported ? { imported } : {}), ...(files ? { attachments: files } : {}) };
    }),
  };
}

export async function renameConversation(userId: string, id: string, title: string): Promise<ConversationSummaryDto | null> {
  const db = getDb();
  const result = await db.conversation.updateMany({ where: { id, userId }, data: { title } });
  if (result.count === 0) return null;
  const summaries = await listConversations(userId);
  return summaries.find((s) => s.id === id) ?? null;
}

/** Longest title stored (the rename route's limit too); the sidebar and headers truncate for display. */
export const MAX_TITLE_LENGTH = 200;

/** The prompt on one line, whole up to the limit, cut at a word there: never an ellipsis in the data. */
export function titleFromPrompt(prompt: string): string {
  const line = prompt.replace(/\[\[sandbox:[^\]]*\]\]/g, "").replace(/\s+/g, " ").trim();
  if (line.length <= MAX_TITLE_LENGTH) return line || "New comparison";
  const cut = line.slice(0, MAX_TITLE_LENGTH);
  const space = cut.lastIndexOf(" ");
  return (space > MAX_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trim();
}

export function columnData(settings: ColumnSettings, position: number) {
  return {
    position,
    modelId: settings.modelId,
    temperature: settings.temperature ?? null,
    maxTokens: settings.maxTokens ?? null,
    systemPrompt: settings.systemPrompt?.trim() ? settings.systemPrompt : null,
  };
}
