// Admin only. PUT saves a provider's key (encrypted) and/or base URL override in Settings;
// DELETE forgets what Settings holds for it. Answers carry the key's hint, never the key.
import { requireAdmin } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { credentialUpdateSchema } from "@/lib/providers/credential-schemas";
import { deleteProviderCredential, updateProviderCredential } from "@/lib/providers/credentials";
import { providerStatusResponse } from "@/lib/catalog/provider-status-response";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  try {
    const admin = await requireAdmin(request);
    const body = await parseJsonBody(request, credentialUpdateSchema);
    const id = (await params).id;
    await updateProviderCredential(id, body, admin.id);
    return providerStatusResponse(id, 200, { check: true });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    await requireAdmin(request);
    await deleteProviderCredential((await params).id);
    return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
