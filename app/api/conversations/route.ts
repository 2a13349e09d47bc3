import { getCurrentUserId } from "@/lib/auth/local-user";
import { listConversations } from "@/lib/db/conversations";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json({ conversations: await listConversations(await getCurrentUserId()) });
  } catch (error) {
    return errorResponse(error);
  }
}
