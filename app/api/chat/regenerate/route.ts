import { getCurrentUserId } from "@/lib/auth/local-user";
import { prepareRegeneration } from "@/lib/chat/regenerate";
import { streamColumns } from "@/lib/chat/run-turn";
import { regenerateRequestSchema } from "@/lib/chat/schemas";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { chatEventResponse } from "@/lib/streaming/chat-sse";

export const dynamic = "force-dynamic";

/** Replaces one column's answer with a fresh one, streamed like a turn. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { messageId } = await parseJsonBody(request, regenerateRequestSchema);
    const turn = await prepareRegeneration(await getCurrentUserId(), messageId);
    const { events, stopAll } = streamColumns(turn.runs, []);
    request.signal.addEventListener("abort", stopAll, { once: true });
    return chatEventResponse(events, stopAll);
  } catch (error) {
    return errorResponse(error);
  }
}
