import { requireUser } from "@/lib/auth/current-user";
import { estimateForPage } from "@/lib/blind/blind-estimate";
import { estimateRequestSchema } from "@/lib/chat/schemas";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

/** What the next turn can cost per column, before it is sent (only the total for a hidden blind comparison). */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, estimateRequestSchema);
    return Response.json(await estimateForPage(user.id, body));
  } catch (error) {
    return errorResponse(error);
  }
}
