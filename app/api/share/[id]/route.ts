import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/request-origin";
import { revokeShareLink, shareLinkToDto } from "@/lib/share/share-links";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Revokes (never deletes): the public page then answers 410 instead of 404. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const link = await revokeShareLink(user.id, (await params).id);
    return Response.json(shareLinkToDto(link, requestOrigin(request), new Date()));
  } catch (error) {
    return errorResponse(error);
  }
}
