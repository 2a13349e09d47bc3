import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { getFreeTierStatus } from "@/lib/usage/free-tier";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json(await getFreeTierStatus(user.id));
  } catch (error) {
    return errorResponse(error);
  }
}
