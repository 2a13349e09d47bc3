import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { voteToDto } from "@/lib/votes/vote-dto";
import { judgeTurn } from "@/lib/votes/judge-turn";

export const dynamic = "force-dynamic";

const judgeRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(100),
    turn: z.number().int().nonnegative().max(100_000),
    judgeModel: z.string().trim().min(3).max(300).regex(/^[^/\s]+\/\S+$/, "Model ids look like provider/model"),
  })
  .strict();

/** A chosen model judges one turn of the caller's comparison (twice, orders swapped); stored as a judge vote. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { conversationId, turn, judgeModel } = await parseJsonBody(request, judgeRequestSchema);
    const result = await judgeTurn(user.id, conversationId, turn, judgeModel);
    return Response.json({ vote: voteToDto(result.vote), costPico: result.costPico.toString(), verdicts: result.verdicts });
  } catch (error) {
    return errorResponse(error);
  }
}
