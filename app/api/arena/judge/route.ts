import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { redactHiddenVotes } from "@/lib/votes/blind-votes";
import { voteToDto } from "@/lib/votes/vote-dto";
import { judgeEveryTurn } from "@/lib/votes/judge-every-turn";
import { judgeTurn } from "@/lib/votes/judge-turn";

export const dynamic = "force-dynamic";

const judgeRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100),
    /** A turn number, or "all": every turn with its answers and no verdict from this judge yet. */
    turn: z.union([z.number().int().nonnegative().max(100_000), z.literal("all")]),
    judgeModel: z.string().trim().min(3).max(300).regex(/^[^/\s]+\/\S+$/, "Model ids look like provider/model"),
  })
  .strict();

/**
 * A chosen model judges one turn, or every turn, of the caller's comparison (each twice, orders
 * swapped); stored as judge votes. On a blind comparison still hidden, the votes come back redacted.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { conversationId, turn, judgeModel } = await parseJsonBody(request, judgeRequestSchema);
    if (turn !== "all") {
      const result = await judgeTurn(user.id, conversationId, turn, judgeModel);
      const [vote] = await redactHiddenVotes([result.vote]);
      return Response.json({ vote: voteToDto(vote), costPico: result.costPico.toString(), verdicts: result.verdicts });
    }
    const result = await judgeEveryTurn(user.id, conversationId, judgeModel);
    const votes = await redactHiddenVotes(result.judged.map((r) => r.vote));
    return Response.json({
      judged: result.judged.map((r, i) => ({ turn: r.turn, vote: voteToDto(votes[i]), costPico: r.costPico.toString(), verdicts: r.verdicts })),
      skipped: result.skipped,
      failed: result.failed,
      costPico: result.costPico.toString(),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
