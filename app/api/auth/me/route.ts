// The signed-in user, or 401.
import { requireUser } from "@/lib/auth/current-user";
import { localModeActive } from "@/lib/auth/local-mode";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json({ user, localMode: localModeActive() }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
