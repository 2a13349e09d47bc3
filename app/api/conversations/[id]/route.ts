import { getCurrentUserId } from "@/lib/auth/local-user";
import { renameRequestSchema } from "@/lib/chat/schemas";
import { deleteConversation, getConversation, renameConversation } from "@/lib/db/conversations";
import { AppError, errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    const conversation = await getConversation(await getCurrentUserId(), (await params).id);
    if (!conversation) throw new AppError(404, "Conversation not found");
    return Response.json(conversation);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    const { title } = await parseJsonBody(request, renameRequestSchema);
    const renamed = await renameConversation(await getCurrentUserId(), (await params).id, title);
    if (!renamed) throw new AppError(404, "Conversation not found");
    return Response.json(renamed);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  try {
    const deleted = await deleteConversation(await getCurrentUserId(), (await params).id);
    if (!deleted) throw new AppError(404, "Conversation not found");
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
