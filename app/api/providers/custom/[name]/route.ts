// Admin only. DELETE removes a custom provider added in Settings, with its saved key.
import { requireAdmin } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { deleteCustomProvider } from "@/lib/providers/credentials";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    await requireAdmin(request);
    await deleteCustomProvider((await params).name);
    return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
