import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { requestOrigin } from "@/lib/http/request-origin";
import { createShareLink, listShareLinks, shareLinkToDto } from "@/lib/share/share-links";
import { createShareRequestSchema } from "@/lib/share/share-schemas";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const input = await parseJsonBody(request, createShareRequestSchema);
    const link = await createShareLink(user.id, input);
    return Response.json(shareLinkToDto(link, requestOrigin(request), new Date()), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The owner's links only; `?conversationId=` narrows to one conversation (for the Share dialog). */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const conversationId = new URL(request.url).searchParams.get("conversationId") ?? undefined;
    const links = await listShareLinks(user.id, conversationId);
    const origin = requestOrigin(request);
    const now = new Date();
    return Response.json({ links: links.map((l) => shareLinkToDto(l, origin, now)) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
