import { requireUser } from "@/lib/auth/current-user";
import { updateColumns } from "@/lib/chat/edit-columns";
import { columnsUpdateSchema } from "@/lib/chat/schemas";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The conversation's columns, in order: `{columns: [{id?, modelId, …settings}]}` (an id keeps or swaps a column; none adds one; left out removes it). */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, columnsUpdateSchema);
    return Response.json(await updateColumns(user.id, (await params).id, body));
  } catch (error) {
    return errorResponse(error);
  }
}
