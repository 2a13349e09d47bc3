import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { forkSnapshot } from "@/lib/share/fork-snapshot";
import { requireActiveShare } from "@/lib/share/resolve-shared";
import { sharedAttachmentRows } from "@/lib/share/shared-attachment";
import type { ForkResponse } from "@/lib/share/share-types";

export const dynamic = "force-dynamic";

// The segment is named [id] to sit beside DELETE /api/share/:id; here it holds the token.
type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const share = await requireActiveShare((await params).id);
    const conversationId = await forkSnapshot(user.id, share.snapshot, await sharedAttachmentRows(share));
    return Response.json({ conversationId } satisfies ForkResponse, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
