// "Continue this comparison": copies a snapshot into a new conversation of the current
// user, with the same columns (system prompts only if they were shared) and messages, so
// the next prompt carries on from the same history in each column.
import { getDb } from "../db/client";
import { newId } from "../db/new-id";
import type { SharedAnswer, SharedSnapshot } from "./snapshot-types";

export async function forkSnapshot(userId: string, snapshot: SharedSnapshot, now = new Date()): Promise<string> {
  const conversationId = newId();
  const columnIds = snapshot.columns.map(() => newId());
  const messages = snapshot.turns.flatMap((turn, turnIndex) => [
    { id: newId(), columnId: null, turn: turnIndex, role: "user", content: turn.prompt, status: "done", createdAt: now },
    ...turn.answers.flatMap((answer, i) => (answer ? [answerRow(answer, columnIds[i], snapshot.columns[i].modelId, turnIndex, now)] : [])),
  ]);
  const db = getDb();
  // One transaction: a half-copied fork is never visible. Columns go first, messages refer to them.
  await db.$transaction([
    db.conversation.create({
      data: {
        id: conversationId,
        userId,
        title: snapshot.title,
        columns: {
          create: snapshot.columns.map((c, position) => ({
            id: columnIds[position],
            position,
            modelId: c.modelId,
            temperature: c.temperature,
            maxTokens: c.maxTokens,
            systemPrompt: c.systemPrompt ?? null,
          })),
        },
      },
    }),
    db.message.createMany({ data: messages.map((m) => ({ ...m, conversationId })) }),
  ]);
  return conversationId;
}

function answerRow(answer: SharedAnswer, columnId: string, modelId: string, turn: number, now: Date) {
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
    provider: s?.provider ?? null,
    finishReason: s?.finishReason ?? null,
    promptTokens: s?.promptTokens ?? 0,
    completionTokens: s?.completionTokens ?? 0,
    reasoningTokens: s?.reasoningTokens ?? 0,
    cachedTokens: s?.cachedTokens ?? 0,
    usageEstimated: s?.usageEstimated ?? false,
    // The fork's owner paid nothing for these answers and the ledger has no rows for them;
    // a conversation's total must equal its ledger rows, so copied answers cost $0 here.
    costPico: 0n,
    ttftMs: s?.ttftMs ?? null,
    totalMs: s?.totalMs ?? null,
  };
}
