// A run's results as a table: one row per prompt, one cell per model (status, cost, latency),
// read from the comparisons the run made.
import { getDb } from "../db/client";
import type { EvalRunDto } from "./eval-store";

export interface EvalCell {
  status: string;
  costPico: string;
  ttftMs: number | null;
  totalMs: number | null;
  answerChars: number;
}

export interface EvalResultRow {
  prompt: string;
  conversationId: string | null;
  cells: (EvalCell | null)[];
}

export async function evalResults(userId: string, run: EvalRunDto, prompts: string[]): Promise<EvalResultRow[]> {
  const ids = run.conversationIds.filter((id): id is string => id !== null);
  const conversations = await getDb().conversation.findMany({
    where: { id: { in: ids }, userId },
    select: { id: true, columns: { orderBy: { position: "asc" }, select: { id: true } }, messages: { where: { role: "assistant" } } },
  });
  const byId = new Map(conversations.map((c) => [c.id, c]));
  return prompts.map((prompt, i) => {
    const conversation = run.conversationIds[i] ? byId.get(run.conversationIds[i]!) : undefined;
    return {
      prompt,
      conversationId: run.conversationIds[i] ?? null,
      cells: run.models.map((_, k) => {
        const message = conversation?.messages.find((m) => m.columnId === conversation.columns[k]?.id);
        return message ? { status: message.status, costPico: message.costPico.toString(), ttftMs: message.ttftMs, totalMs: message.totalMs, answerChars: message.content.length } : null;
      }),
    };
  });
}
