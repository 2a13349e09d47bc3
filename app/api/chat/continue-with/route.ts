import { requireUser } from "@/lib/auth/current-user";
import { continueWith } from "@/lib/chat/choose-branch";
import { continueWithRequestSchema } from "@/lib/chat/schemas";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

/** `{promptId, answerId}`: every column continues from that answer after the turn; `answerId: null`, each from its own. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { promptId, answerId } = await parseJsonBody(request, continueWithRequestSchema);
    return Response.json(await continueWith(user.id, promptId, answerId));
  } catch (error) {
    return errorResponse(error);
  }
}
