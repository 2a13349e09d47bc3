// "Judge every turn": one judge model on each turn of a comparison that has its answers and no
// verdict from that judge yet, a few turns at a time (each turn is still asked twice with the
// order swapped, by judgeTurn). A turn that fails is reported and the others go on.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { judgeTurn, type JudgeResult } from "./judge-turn";
import { loadTurnForVote } from "./vote-store";

/** Turns judged at once: each is two sequential calls, so this bounds the judge's load at 2 calls. */
const TURNS_AT_ONCE = 2;

export interface EveryTurnResult {
  judged: (JudgeResult & { turn: number })[];
  /** Turns left alone: already judged by this model, or not ready (answers streaming, fewer than two). */
  skipped: { turn: number; reason: string }[];
  failed: { turn: number; message: string }[];
  costPico: bigint;
}

export async function judgeEveryTurn(userId: string, conversationId: string, judgeModel: string): Promise<EveryTurnResult> {
  const db = getDb();
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, userId }, select: { id: true } });
  if (!conversation) throw new AppError(404, "Conversation not found");
  const prompts = await db.message.findMany({ where: { conversationId, role: "user" }, select: { turn: true }, distinct: ["turn"], orderBy: { turn: "asc" } });
  const judgedBefore = new Set((await db.vote.findMany({ where: { conversationId, voter: `judge:${judgeModel}` }, select: { turn: true } })).map((v) => v.turn));
  const skipped: EveryTurnResult["skipped"] = [];
  const todo: number[] = [];
  for (const { turn } of prompts) {
    if (judgedBefore.has(turn)) skipped.push({ turn, reason: "already judged by this model" });
    else {
      const ready = await loadTurnForVote(userId, conversationId, turn).then(
        () => null,
        (error: unknown) => (error instanceof AppError ? error.message : "not ready"),
      );
      if (ready === null) todo.push(turn);
      else skipped.push({ turn, reason: ready });
    }
  }
  const judged: EveryTurnResult["judged"] = [];
  const failed: EveryTurnResult["failed"] = [];
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const turn = todo[next++];
      try {
        judged.push({ turn, ...(await judgeTurn(userId, conversationId, turn, judgeModel)) });
      } catch (error) {
        failed.push({ turn, message: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(TURNS_AT_ONCE, todo.length) }, worker));
  judged.sort((a, b) => a.turn - b.turn);
  failed.sort((a, b) => a.turn - b.turn);
  return { judged, skipped, failed, costPico: judged.reduce((sum, r) => sum + r.costPico, 0n) };
}
