// Conversation queries, always scoped to their owner in the query itself.
import type { ConversationDto, ConversationSummaryDto } from "../dto/conversation";
import { columnSettingsOf } from "./column-row";
import { getDb } from "./client";
import { isHiddenBlind } from "./hidden-blind";
import { importedOf } from "./conversation-copy";
import { messageToDto } from "./messages";
import { FUSION_GROUP, MessageTree } from "./message-tree";
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
  // A blind comparison's cost would tell its models apart: hidden until its vote.
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    updatedAt: r.updatedAt.toISOString(),
    costPico: isHiddenBlind(r) ? "0" : (costOf.get(r.id) ?? 0n).toString(),
    ...(r.blind ? { blind: { hidden: isHiddenBlind(r) } } : {}),
  }));
}

export async function getConversation(userId: string, id: string): Promise<ConversationDto | null> {
  const db = getDb();
  const conversation = await db.conversation.findFirst({
    where: { id, userId },
    include: { columns: { orderBy: { position: "asc" } }, messages: { orderBy: [{ turn: "asc" }, { createdAt: "asc" }] } },
  });
  if (!conversation) return null;
  // What is shown is the selected branch, with the selected version of each answer; each
  // shown message names its siblings so the reader can switch. Within a turn: the prompt
  // first, then answers in column order, then a fused answer.
  const tree = new MessageTree(conversation.messages);
  const shown = tree.activePath().flatMap((step) => [
    step.prompt,
    ...[...conversation.columns.map((c) => c.id), FUSION_GROUP].flatMap((group) => {
      const answer = step.answers.get(group)?.selected;
      return answer ? [answer] : [];
    }),
  ]);
  // The conversation's cost is every call it made, on every branch and version (the ledger's sum).
  const cost = conversation.messages.reduce((sum, m) => sum + m.costPico, 0n);
  const attachments = await attachmentDtosByTurn(conversation.id);
  return {
    id: conversation.id,
    title: conversation.title,
    updatedAt: conversation.updatedAt.toISOString(),
    costPico: cost.toString(),
    enabledTools: enabledToolsOf(conversation.enabledTools),
    ...(conversation.blind ? { blind: { hidden: isHiddenBlind(conversation) } } : {}),
    columns: conversation.columns.map((c) => ({ id: c.id, position: c.position, ...columnSettingsOf(c) })),
    messages: shown.map((m) => {
      const dto = messageToDto(m);
      const siblings = tree.siblingsOf(m);
      if (siblings.length > 1) dto.versions = siblings.map((s) => s.id);
      const imported = m.role === "user" ? undefined : importedOf(m.notes);
      // Files belong to a turn's prompt (an edited prompt of the same turn shows them too).
      const files = m.role === "user" ? attachments.get(m.turn) : undefined;
      return { ...dto, ...(imported ? { imported } : {}), ...(files ? { attachments: files } : {}) };
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
