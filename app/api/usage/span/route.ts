import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseQuery } from "@/lib/http/parse-body";
import { usageScope } from "@/lib/usage/request";
import { getUsageSpan, spanQuerySchema } from "@/lib/usage/span";

export const dynamic = "force-dynamic";

/** First and latest call of the scope (`user=me|all|<id>` and `conversationId`, as the other usage routes). */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { user: requested, conversationId } = parseQuery(request, spanQuerySchema);
    return Response.json(await getUsageSpan(usageScope(user, requested), conversationId));
  } catch (error) {
    return errorResponse(error);
  }
}
