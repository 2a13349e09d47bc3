// The chatroom's streaming endpoints as Web handlers. Next's route files export them, and
// the app server also mounts them directly on node:http (see lib/server/lean-routes.ts),
// which keeps Next's per-request work off the time to first token.
import { requireUser } from "../auth/current-user";
import { errorResponse } from "../errors";
import { parseJsonBody } from "../http/parse-body";
import { chatEventResponse } from "../streaming/chat-sse";
import { prepareRegeneration } from "./regenerate";
import { prepareTurn, streamColumns } from "./run-turn";
import { chatRequestSchema, regenerateRequestSchema } from "./schemas";

/** POST /api/chat: one prompt to every column, answers multiplexed into one SSE stream. */
export async function handleChatPost(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, chatRequestSchema);
    const turn = await prepareTurn(user.id, body);
    const { events, stopAll } = streamColumns(turn, [
      { type: "turn", conversationId: turn.conversationId, turn: turn.turn, userMessageId: turn.userMessageId },
    ]);
    // A closed tab stops every column; what arrived is saved as "stopped".
    request.signal.addEventListener("abort", stopAll, { once: true });
    return chatEventResponse(events, stopAll);
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST /api/chat/regenerate: a fresh answer for one column, streamed like a turn. */
export async function handleRegeneratePost(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { messageId } = await parseJsonBody(request, regenerateRequestSchema);
    const turn = await prepareRegeneration(user.id, messageId);
    const { events, stopAll } = streamColumns(turn, []);
    request.signal.addEventListener("abort", stopAll, { once: true });
    return chatEventResponse(events, stopAll);
  } catch (error) {
    return errorResponse(error);
  }
}
