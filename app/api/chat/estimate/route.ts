import { getCurrentUserId } from "@/lib/auth/local-user";
import { estimateTurn } from "@/lib/chat/estimate-turn";
import { estimateRequestSchema } from "@/lib/chat/schemas";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

/** What the next turn can cost per column, before it is sent. */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = await parseJsonBody(request, estimateRequestSchema);
    return Response.json(await estimateTurn(await getCurrentUserId(), body));
  } catch (error) {
    return errorResponse(error);
  }
}
