import { stopTurn } from "@/lib/chat/stop-turn";

export const dynamic = "force-dynamic";

/** Stops one column (messageId) or every column of a conversation (conversationId). */
export function POST(request: Request): Promise<Response> {
  return stopTurn(request);
}
