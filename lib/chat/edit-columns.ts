// Swapping, adding and removing models in a running conversation. A kept column keeps its
// answers (each answer remembers the model that gave it); an added column has none, and its
// first turn starts from the conversation so far (history.ts); a removed column goes with
// its answers (their calls stay in the ledger).
import type { z } from "zod";
import { getDb } from "../db/client";
import { getConversation } from "../db/conversations";
import { columnData } from "../db/column-row";
import { newId } from "../db/new-id";
import { AppError } from "../errors";
import { presetSlugOf } from "../presets/apply-preset";
import type { ConversationDto } from "./api-types";
import { assertModelExists } from "./run-turn";
import { withColumnLabels } from "./column-labels";
import type { columnsUpdateSchema } from "./schemas";

export async function updateColumns(userId: string, conversationId: string, body: z.infer<typeof columnsUpdateSchema>): Promise<ConversationDto> {
  for (const [i, column] of body.columns.entries()) if (presetSlugOf(column.modelId) === null) assertModelExists(column.modelId, `columns.${i}.modelId`);
  const db = getDb();
  const owned = await db.conversation.findFirst({ where: { id: conversationId, userId }, include: { columns: { select: { id: true } } } });
  if (!owned) throw new AppError(404, "Conversation not found");
  const existing = new Set(owned.columns.map((c) => c.id));
  for (const [i, column] of body.columns.entries()) {
    if (column.id && !existing.has(column.id)) throw new AppError(400, "No such column in this conversation", "invalid_request", `columns.${i}.id`);
  }
  const kept = new Set(body.columns.flatMap((c) => (c.id ? [c.id] : [])));
  const live = await db.message.count({ where: { conversationId, status: "streaming" } });
  if (live > 0) throw new AppError(409, "Models are still answering; stop them first");
  await db.$transaction([
    db.conversationColumn.deleteMany({ where: { conversationId, id: { notIn: [...kept] } } }),
    ...body.columns.map((column, position) =>
      column.id
        ? db.conversationColumn.update({ where: { id: column.id }, data: columnData(column, position) })
        : db.conversationColumn.create({ data: { id: newId(), conversationId, ...columnData(column, position) } }),
    ),
    db.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } }),
  ]);
  return withColumnLabels((await getConversation(userId, conversationId))!);
}
