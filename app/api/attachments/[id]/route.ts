import { requireUser } from "@/lib/auth/current-user";
import { attachmentResponse } from "@/lib/attachments/upload-attachment";
import { deletePendingAttachment, readAttachment } from "@/lib/db/attachments";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The owner's attachment bytes; anyone else's is a 404. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const row = await readAttachment(user.id, (await params).id);
    if (!row) throw new AppError(404, "Attachment not found");
    return attachmentResponse(row);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Removes an upload that has not been sent with a prompt yet. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    if (!(await deletePendingAttachment(user.id, (await params).id))) throw new AppError(404, "Attachment not found");
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
