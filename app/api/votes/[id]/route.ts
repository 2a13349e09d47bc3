import { requireUser } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { voteToDto } from "@/lib/votes/vote-dto";
import { editVoteSchema } from "@/lib/votes/vote-schemas";
import { editOwnVote } from "@/lib/votes/vote-actions";
import { deleteVote } from "@/lib/votes/vote-store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const change = await parseJsonBody(request, editVoteSchema);
    return Response.json({ vote: voteToDto(await editOwnVote(user.id, (await params).id, change)) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    if (!(await deleteVote(user.id, (await params).id))) throw new AppError(404, "Vote not found");
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
