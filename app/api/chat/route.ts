import { getCurrentUserId } from "@/lib/auth/local-user";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prepareTurn, streamColumns } from "@/lib/chat/run-turn";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { chatEventResponse } from "@/lib/streaming/chat-sse";

export const dynamic = "force-dynamic";

/** One prompt to every column of a comparison, answers multiplexed into one SSE stream. */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = await parseJsonBody(request, chatRequestSchema);
    const turn = await prepareTurn(await getCurrentUserId(), body);
    const { events, stopAll } = streamColumns(turn.runs, [
      { type: "turn", conversationId: turn.conversationId, turn: turn.turn, userMessageId: turn.userMessageId },
    ]);
    // A closed tab stops every column; what arrived is saved as "stopped".
    request.signal.addEventListener("abort", stopAll, { once: true });
    return chatEventResponse(events, stopAll);
  } catch (error) {
    return errorResponse(error);
  }
}
