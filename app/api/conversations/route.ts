import { requireUser } from "@/lib/auth/current-user";
import { conversationSearchSchema } from "@/lib/chat/conversation-schemas";
import { searchConversations } from "@/lib/db/conversation-search";
import { errorResponse } from "@/lib/errors";
import { parseQuery } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

/** The owner's conversations, newest first; `?q=` keeps those whose title or text contains it. */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { q } = parseQuery(request, conversationSearchSchema);
    return Response.json({ conversations: await searchConversations(user.id, q ?? "") });
  } catch (error) {
    return errorResponse(error);
  }
}
