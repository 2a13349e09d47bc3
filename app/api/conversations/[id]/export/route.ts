import { requireUser } from "@/lib/auth/current-user";
import { exportQuerySchema } from "@/lib/chat/conversation-schemas";
import { buildExport } from "@/lib/chat/transfer/build-export";
import { exportResponse } from "@/lib/chat/transfer/export-response";
import { assertNotHidden } from "@/lib/blind/read-conversation";
import { getConversation } from "@/lib/db/conversations";
import { AppError, errorResponse } from "@/lib/errors";
import { parseQuery } from "@/lib/http/parse-body";
import { describeModel } from "@/lib/router/describe-model";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** `?format=json` (default; imports back) or `?format=md`, as a download. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { format } = parseQuery(request, exportQuerySchema);
    const conversation = await getConversation(user.id, (await params).id);
    if (!conversation) throw new AppError(404, "Conversation not found");
    assertNotHidden(conversation);
    return exportResponse(buildExport(conversation, (modelId) => describeModel(modelId).name), format);
  } catch (error) {
    return errorResponse(error);
  }
}
