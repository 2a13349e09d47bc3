// POST /api/chat/stop: stops one column (messageId) or every column of a conversation
// (conversationId) of the signed-in user, on whichever instance it streams.
import { requireUser } from "../auth/current-user";
import { stopEverywhere } from "../calls/stop-everywhere";
import { getDb } from "../db/client";
import { AppError, errorResponse } from "../errors";
import { parseJsonBody } from "../http/parse-body";
import { stopRequestSchema } from "./schemas";

export async function stopTurn(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, stopRequestSchema);
    const userId = user.id;
    const owned =
      "messageId" in body
        ? await getDb().message.count({ where: { id: body.messageId, conversation: { userId } } })
        : await getDb().conversation.count({ where: { id: body.conversationId, userId } });
    if (owned === 0) throw new AppError(404, "Nothing to stop: not found");
    return Response.json({ stopped: await stopEverywhere({ ...body, userId }, "user") });
  } catch (error) {
    return errorResponse(error);
  }
}
