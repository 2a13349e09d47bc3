import { requireUser } from "@/lib/auth/current-user";
import { stopLive } from "@/lib/calls/live-calls";
import { getDb } from "@/lib/db/client";
import { stopRequestSchema } from "@/lib/chat/schemas";
import { AppError, errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

/** Stops one column (messageId) or every column of a conversation (conversationId). */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, stopRequestSchema);
    const userId = user.id;
    const owned =
      "messageId" in body
        ? await getDb().message.count({ where: { id: body.messageId, conversation: { userId } } })
        : await getDb().conversation.count({ where: { id: body.conversationId, userId } });
    if (owned === 0) throw new AppError(404, "Nothing to stop: not found");
    return Response.json({ stopped: stopLive({ ...body, userId }, "user") });
  } catch (error) {
    return errorResponse(error);
  }
}
