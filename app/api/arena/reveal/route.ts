import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { revealComparison } from "@/lib/votes/blind-votes";
import { voteToDto } from "@/lib/votes/vote-dto";
import { revealSchema } from "@/lib/votes/vote-schemas";

export const dynamic = "force-dynamic";

/** Reveal a blind comparison voted on turn by turn: its human votes come back with their models. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { conversationId } = await parseJsonBody(request, revealSchema);
    const votes = await revealComparison(user.id, conversationId);
    return Response.json({ votes: votes.map(voteToDto) });
  } catch (error) {
    return errorResponse(error);
  }
}
