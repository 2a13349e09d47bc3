import { requireUser } from "@/lib/auth/current-user";
import { selectMessage } from "@/lib/chat/choose-branch";
import { selectRequestSchema } from "@/lib/chat/schemas";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

/** Shows one version of an answer, or one branch of an edited prompt: `{messageId}`. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { messageId } = await parseJsonBody(request, selectRequestSchema);
    return Response.json(await selectMessage(user.id, messageId));
  } catch (error) {
    return errorResponse(error);
  }
}
