// DELETE revokes a key: from the next request on it answers 401.
import { revokeApiKey } from "@/lib/auth/api-keys";
import { requireUser } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const revoked = await revokeApiKey(user.id, (await params).id);
    if (!revoked) throw new AppError(404, "API key not found");
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
