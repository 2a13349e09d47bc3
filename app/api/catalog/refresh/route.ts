import { requireAdmin } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { getCatalogStatus } from "@/lib/catalog/catalog-status";
import { refreshCatalog } from "@/lib/catalog/refresh-catalog";

export const dynamic = "force-dynamic";

/** Refreshes now and answers with the status: a provider's failure is reported there, not as an HTTP error. */
export async function POST(request: Request): Promise<Response> {
  try {
    await requireAdmin(request);
    await refreshCatalog();
    return Response.json(getCatalogStatus());
  } catch (error) {
    return errorResponse(error);
  }
}
