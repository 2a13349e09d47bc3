import { requireUser } from "@/lib/auth/current-user";
import { renameRequestSchema } from "@/lib/chat/schemas";
import { readConversationForPage } from "@/lib/blind/read-conversation";
import { withColumnLabels } from "@/lib/chat/column-labels";
import { renameConversation } from "@/lib/db/conversations";
import { AppError, errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { deleteConversationAndShares } from "@/lib/share/share-links";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const conversation = await readConversationForPage(user.id, (await params).id);
    if (!conversation) throw new AppError(404, "Conversation not found");
    // A blind comparison before its vote keeps its redacted columns: no display names to add.
    return Response.json(conversation.blind?.hidden ? conversation : withColumnLabels(conversation));
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { title } = await parseJsonBody(request, renameRequestSchema);
    const renamed = await renameConversation(user.id, (await params).id, title);
    if (!renamed) throw new AppError(404, "Conversation not found");
    return Response.json(renamed);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const deleted = await deleteConversationAndShares(user.id, (await params).id);
    if (!deleted) throw new AppError(404, "Conversation not found");
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
