import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { revokeLeaderboardShare } from "@/lib/votes/leaderboard-share";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(request);
    await revokeLeaderboardShare(user.id, (await params).id);
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
