// The reader's choices in a conversation's tree: which version of an answer or branch of a
// prompt is shown (and so sent as history), and which answer every column continues from.
import { getDb } from "../db/client";
import { AppError } from "../errors";

/** Shows `messageId` in place of its siblings (an earlier version, or another branch). */
export async function selectMessage(userId: string, messageId: string): Promise<{ conversationId: string }> {
  const db = getDb();
  const message = await db.message.findFirst({ where: { id: messageId, conversation: { userId } } });
  if (!message) throw new AppError(404, "Message not found");
  const siblings = { conversationId: message.conversationId, parentId: message.parentId, role: message.role, columnId: message.columnId };
  await db.$transaction([
    db.message.updateMany({ where: { ...siblings, NOT: { id: message.id } }, data: { selected: false } }),
    db.message.update({ where: { id: message.id }, data: { selected: true } }),
  ]);
  return { conversationId: message.conversationId };
}

/** After `promptId`'s turn every column continues from `answerId` (one of that turn's answers); null: each its own. */
export async function continueWith(userId: string, promptId: string, answerId: string | null): Promise<{ conversationId: string }> {
  const db = getDb();
  const prompt = await db.message.findFirst({ where: { id: promptId, role: "user", conversation: { userId } } });
  if (!prompt) throw new AppError(404, "Prompt not found", "not_found", "promptId");
  if (answerId !== null) {
    const answer = await db.message.count({ where: { id: answerId, parentId: prompt.id, role: { in: ["assistant", "fusion"] } } });
    if (answer === 0) throw new AppError(400, "That answer is not one of this turn's", "invalid_request", "answerId");
  }
  await db.message.update({ where: { id: prompt.id }, data: { sharedAnswerId: answerId } });
  return { conversationId: prompt.conversationId };
}
