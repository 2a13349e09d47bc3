import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { deleteEvalSet, getEvalSet } from "@/lib/evals/eval-store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json({ set: await getEvalSet(user.id, (await params).id) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    await deleteEvalSet(user.id, (await params).id);
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
