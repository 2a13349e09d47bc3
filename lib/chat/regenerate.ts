// Regenerating one column: its answer of that turn is replaced by a fresh call with the same history.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { enabledToolsOf } from "../tools/registry";
import { buildColumnHistory } from "./history";
import type { PreparedTurn } from "./run-turn";
import { groupByTurn } from "../attachments/prompt-content";
import { acceptsImages } from "../router/accepts-images";

export async function prepareRegeneration(userId: string, messageId: string): Promise<PreparedTurn> {
  return getDb().$transaction(async (tx) => {
    const old = await tx.message.findFirst({
      where: { id: messageId, role: "assistant", conversation: { userId } },
      include: { column: true },
    });
    if (!old || !old.column) throw new AppError(404, "Answer not found");
    if (old.status === "streaming") throw new AppError(409, "This answer is still streaming; stop it first");
    const { column, conversationId, turn } = old;
    const history = await tx.message.findMany({ where: { conversationId }, select: { role: true, columnId: true, turn: true, content: true, toolTrace: true } });
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { enabledTools: true } });
    // The regenerated answer sees the conversation's files as the first one did.
    const byTurn = groupByTurn(await tx.attachment.findMany({ where: { conversationId }, orderBy: [{ turn: "asc" }, { position: "asc" }] }));
    const userMessage = await tx.message.findFirst({ where: { conversationId, turn, role: "user" } });
    await tx.message.delete({ where: { id: old.id } });
    const answer = await tx.message.create({
      data: { conversationId, columnId: column.id, turn, role: "assistant", status: "streaming", modelId: column.modelId },
    });
    await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } });
    return {
      persisted: Promise.resolve(),
      conversationId,
      turn,
      userMessageId: userMessage?.id ?? "",
      runs: [
        {
          userId,
          conversationId,
          columnId: column.id,
          messageId: answer.id,
          modelId: column.modelId,
          messages: buildColumnHistory(history, column.id, turn, column.systemPrompt, { byTurn, images: acceptsImages(column.modelId) }),
          temperature: column.temperature,
          maxTokens: column.maxTokens,
          tools: enabledToolsOf(conversation.enabledTools),
        },
      ],
    };
  });
}
