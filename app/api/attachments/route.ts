import { requireUser } from "@/lib/auth/current-user";
import { uploadAttachment, uploadQuerySchema } from "@/lib/attachments/upload-attachment";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Upload one image or text file (raw body, `?name=`); answers its id and what it was found to be. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const query = uploadQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError(400, "name: at most 1000 characters", "invalid_request", "name");
    const bytes = new Uint8Array(await request.arrayBuffer());
    return Response.json(await uploadAttachment(user.id, bytes, query.data.name), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
