import { requireAdmin } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { listProviderStatuses } from "@/lib/catalog/provider-status";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdmin(request);
    return Response.json({ providers: await listProviderStatuses() });
  } catch (error) {
    return errorResponse(error);
  }
}
