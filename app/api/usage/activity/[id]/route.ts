import { getCurrentUserId } from "@/lib/auth/local-user";
import { errorResponse } from "@/lib/errors";
import { getGenerationDetail } from "@/lib/usage/generation-detail";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    return Response.json(await getGenerationDetail(await getCurrentUserId(), (await params).id));
  } catch (error) {
    return errorResponse(error);
  }
}
