import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { getGenerationDetail } from "@/lib/usage/generation-detail";
import { ALL_USERS } from "@/lib/usage/scope";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json(await getGenerationDetail(user.role === "admin" ? ALL_USERS : user.id, (await params).id));
  } catch (error) {
    return errorResponse(error);
  }
}
