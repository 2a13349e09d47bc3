import { getCurrentUserId } from "@/lib/auth/local-user";
import { errorResponse } from "@/lib/errors";
import { getFreeTierStatus } from "@/lib/usage/free-tier";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json(await getFreeTierStatus(await getCurrentUserId()));
  } catch (error) {
    return errorResponse(error);
  }
}
