// Regenerating one column: a fresh call with the same history, saved as a new version of the
// answer beside the old one (which stays, with its ledger row); the new version is shown.
import { getDb } from "../db/client";
import { lockForTransaction } from "../db/transaction-lock";
import { MessageTree } from "../db/message-tree";
import { AppError } from "../errors";
import { enabledToolsOf } from "../tools/registry";
import { buildColumnHistory, HISTORY_SELECT } from "./history";
import type { PreparedTurn } from "./run-turn";
import { groupByTurn, promptContent } from "../attachments/prompt-content";
import { acceptsImages } from "../router/accepts-images";

export async function prepareRegeneration(userId: string, messageId: string): Promise<PreparedTurn> {
  return getDb().$transaction(async (tx) => {
    // "Still streaming?" is checked, then a new version marked streaming: one at a time.
    await lockForTransaction(tx, `regenerate:${messageId}`);
    const old = await tx.message.findFirst({
      where: { id: messageId, role: "assistant", conversation: { userId } },
      include: { column: true },
    });
    if (!old || !old.column) throw new AppError(404, "Answer not found");
    if (old.status === "streaming") throw new AppError(409, "This answer is still streaming; stop it first");
    const { column, conversationId, turn } = old;
    const rows = await tx.message.findMany({ where: { conversationId }, select: HISTORY_SELECT });
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { enabledTools: true, columns: { orderBy: { position: "asc" }, select: { id: true } } } });
    const tree = new MessageTree(rows);
    const prompt = old.parentId ? tree.get(old.parentId) : undefined;
    if (!prompt) throw new AppError(404, "The prompt of this answer was not found");
    await tx.message.updateMany({ where: { conversationId, parentId: prompt.id, columnId: column.id, role: "assistant" }, data: { selected: false } });
    const answer = await tx.message.create({
      data: { conversationId, columnId: column.id, turn, role: "assistant", status: "streaming", modelId: column.modelId, parentId: prompt.id },
    });
    await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } });
    const history = tree.pathTo(prompt.parentId);
    // The regenerated answer sees the conversation's files as the first one did.
    const byTurn = groupByTurn(await tx.attachment.findMany({ where: { conversationId }, orderBy: [{ turn: "asc" }, { position: "asc" }] }));
    const images = acceptsImages(column.modelId);
    return {
      persisted: Promise.resolve(),
      conversationId,
      turn,
      userMessageId: prompt.id,
      runs: [
        {
          userId,
          conversationId,
          columnId: column.id,
          messageId: answer.id,
          modelId: column.modelId,
          messages: [
            ...buildColumnHistory(history, column.id, column.systemPrompt, conversation.columns.map((c) => c.id), { byTurn, images }),
            { role: "user", content: promptContent(prompt.content, byTurn.get(prompt.turn), images) },
          ],
          settings: column,
          tools: enabledToolsOf(conversation.enabledTools),
        },
      ],
    };
  });
}
