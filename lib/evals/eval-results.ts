// A run's results as a table: one row per prompt, one cell per model (status, cost, latency),
// read from the comparisons the run made. A cell's cost is its answer's ledger rows: an answer a
// crash cut off never wrote its own cost, but its ledger row was closed with what was delivered.
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
  const answerIds = conversations.flatMap((c) => c.messages.map((m) => m.id));
  const spent = await getDb().generation.groupBy({ by: ["messageId"], where: { userId, messageId: { in: answerIds } }, _sum: { costPico: true } });
  const costOf = new Map(spent.map((row) => [row.messageId, row._sum.costPico ?? 0n]));
  return prompts.map((prompt, i) => {
    const conversation = run.conversationIds[i] ? byId.get(run.conversationIds[i]!) : undefined;
    return {
      prompt,
      conversationId: run.conversationIds[i] ?? null,
      cells: run.models.map((_, k) => {
        const message = conversation?.messages.find((m) => m.columnId === conversation.columns[k]?.id);
        return message ? { status: message.status, costPico: (costOf.get(message.id) ?? message.costPico).toString(), ttftMs: message.ttftMs, totalMs: message.totalMs, answerChars: message.content.length } : null;
      }),
    };
  });
}
