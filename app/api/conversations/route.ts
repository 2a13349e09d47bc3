import { requireUser } from "@/lib/auth/current-user";
import { listConversations } from "@/lib/db/conversations";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json({ conversations: await listConversations(user.id) });
  } catch (error) {
    return errorResponse(error);
  }
}
