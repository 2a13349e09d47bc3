import { attachmentResponse } from "@/lib/attachments/upload-attachment";
import { errorResponse } from "@/lib/errors";
import { readSharedAttachment } from "@/lib/share/shared-attachment";

export const dynamic = "force-dynamic";

// The segment is named [id] to sit beside DELETE /api/share/:id; here it holds the token.
type Context = { params: Promise<{ id: string; attachmentId: string }> };

/** A shared prompt's file, for anyone holding a working link whose snapshot includes it. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    const { id, attachmentId } = await params;
    return attachmentResponse(await readSharedAttachment(id, attachmentId));
  } catch (error) {
    return errorResponse(error);
  }
}
