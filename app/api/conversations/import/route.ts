import { requireUser } from "@/lib/auth/current-user";
import { conversationExportSchema } from "@/lib/chat/transfer/export-format";
import { importConversation } from "@/lib/chat/transfer/import-conversation";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

/** A JSON export (GET /api/conversations/:id/export) becomes a new conversation of the caller. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const file = await parseJsonBody(request, conversationExportSchema);
    return Response.json({ conversationId: await importConversation(user.id, file) }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
