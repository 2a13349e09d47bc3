import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { getOwnBudget } from "@/lib/usage/own-budget";

export const dynamic = "force-dynamic";

/** The signed-in user's own monthly budget, spend this month and what is left. */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json(await getOwnBudget(user.id), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
