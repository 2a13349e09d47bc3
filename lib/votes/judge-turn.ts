// A judge model's vote on one turn: the answers anonymised, asked twice in opposite orders
// through the one call engine (each call a ledger row with source "judge"), the verdict kept
// only if both agree. Stored as a vote of kind "judge" with what judging cost.
import { runCall } from "../calls/run-call";
import type { Vote } from "../arena/vote-schema";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { combineVerdicts, judgeMessages, readVerdict } from "./judge-prompt";
import { castVote, loadTurnForVote } from "./vote-store";

const JUDGE_TIMEOUT_MS = 120_000;
const JUDGE_MAX_TOKENS = 600;

export interface JudgeResult {
  vote: Vote;
  costPico: bigint;
  /** Each order's reading, as said ("column 2", "tie", "no verdict"). */
  verdicts: string[];
}

export async function judgeTurn(userId: string, conversationId: string, turn: number, judgeModel: string): Promise<JudgeResult> {
  const forVote = await loadTurnForVote(userId, conversationId, turn);
  const conversation = await getDb().conversation.findFirst({
    where: { id: conversationId, userId },
    select: { columns: { orderBy: { position: "asc" }, select: { id: true } }, messages: { where: { turn, role: "assistant" }, select: { columnId: true, content: true } } },
  });
  if (!conversation) throw new AppError(404, "Conversation not found");
  const answers = conversation.columns.map((c) => conversation.messages.find((m) => m.columnId === c.id)?.content ?? "");
  const forward = answers.map((_, i) => i);
  const orders = [forward, [...forward].reverse()];
  let costPico = 0n;
  const readings: (number | "tie" | null)[] = [];
  for (const order of orders) {
    const outcome = await runCall(
      {
        caller: { userId, source: "judge", key: null, conversationId },
        requestedModel: judgeModel,
        models: [judgeModel],
        body: { messages: judgeMessages(forVote.prompt, answers, order), max_tokens: JUDGE_MAX_TOKENS, temperature: 0 },
        signal: AbortSignal.timeout(JUDGE_TIMEOUT_MS),
      },
      { chunk: () => undefined },
    );
    costPico += outcome.costPico;
    if (outcome.status !== "done") throw new AppError(502, `The judge ${judgeModel} did not answer: ${outcome.error?.message ?? outcome.status}`, "upstream_error");
    readings.push(readVerdict(outcome.text, order));
  }
  const vote = await castVote(userId, { ...forVote, blind: true }, { outcome: combineVerdicts(readings[0], readings[1]), kind: "judge", judgeModel, judgeCostPico: costPico });
  return { vote, costPico, verdicts: readings.map((r) => (r === null ? "no verdict" : r === "tie" ? "tie" : `column ${r + 1}`)) };
}
