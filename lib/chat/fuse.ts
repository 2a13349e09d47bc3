// Fuse: a chosen model merges one turn's answers into one best answer. It is one more call
// on the one engine (its own ledger row), saved as a "fusion" message under the turn's
// prompt; fusing again adds a version beside the earlier one.
import { getDb } from "../db/client";
import { lockForTransaction } from "../db/transaction-lock";
import { MessageTree } from "../db/message-tree";
import { AppError } from "../errors";
import { presetSlugOf } from "../presets/apply-preset";
import { buildColumnHistory, HISTORY_SELECT } from "./history";
import { assertModelExists, type PreparedTurn } from "./run-turn";

/** The stream key of a turn's fused answer: events of a fusion carry it where a column's carry its id. */
export const fusionKey = (promptId: string) => `fusion:${promptId}`;

const INSTRUCTION =
  "You are given a question and several answers to it from different models. Write the single best answer: " +
  "keep what is correct and useful in each, fix what is wrong, drop repetition, and keep the format the question calls for. " +
  "Answer the question directly; do not mention the other answers or that you merged them.";

export async function prepareFusion(userId: string, promptId: string, modelId: string): Promise<PreparedTurn> {
  if (presetSlugOf(modelId) === null) assertModelExists(modelId, "modelId");
  return getDb().$transaction(async (tx) => {
    // "Already being fused?" is checked, then a fusion marked streaming: one at a time.
    await lockForTransaction(tx, `fuse:${promptId}`);
    const prompt = await tx.message.findFirst({ where: { id: promptId, role: "user", conversation: { userId } } });
    if (!prompt) throw new AppError(404, "Prompt not found", "not_found", "promptId");
    const { conversationId } = prompt;
    const rows = await tx.message.findMany({ where: { conversationId }, select: HISTORY_SELECT });
    const columns = await tx.conversationColumn.findMany({ where: { conversationId }, orderBy: { position: "asc" }, select: { id: true } });
    const tree = new MessageTree(rows);
    const step = tree.pathTo(prompt.id).at(-1)!;
    const answers = columns.flatMap((c) => {
      const answer = step.answers.get(c.id)?.selected;
      return answer && answer.content.trim() !== "" ? [answer] : [];
    });
    if (answers.length < 2) throw new AppError(400, "Fusing needs at least two answers to this prompt", "invalid_request", "promptId");
    if ((await tx.message.count({ where: { parentId: prompt.id, role: "fusion", status: "streaming" } })) > 0) {
      throw new AppError(409, "This turn is already being fused");
    }
    await tx.message.updateMany({ where: { conversationId, parentId: prompt.id, role: "fusion" }, data: { selected: false } });
    const fused = await tx.message.create({ data: { conversationId, columnId: null, turn: prompt.turn, role: "fusion", status: "streaming", modelId, parentId: prompt.id } });
    await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } });
    // The conversation before this turn, as the first column saw it, then the answers to merge.
    const before = buildColumnHistory(tree.pathTo(prompt.parentId), columns[0]?.id ?? "", null, columns.map((c) => c.id));
    const listed = answers.map((a, i) => `## Answer ${i + 1}\n\n${a.content}`).join("\n\n");
    return {
      persisted: Promise.resolve(),
      conversationId,
      turn: prompt.turn,
      userMessageId: prompt.id,
      runs: [
        {
          userId,
          conversationId,
          columnId: fusionKey(prompt.id),
          messageId: fused.id,
          modelId,
          messages: [
            { role: "system", content: INSTRUCTION },
            ...before,
            { role: "user", content: `# Question\n\n${prompt.content}\n\n# Answers\n\n${listed}` },
          ],
          settings: { temperature: null, maxTokens: null },
          tools: [],
        },
      ],
    };
  });
}
