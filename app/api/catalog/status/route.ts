import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { getCatalogStatus } from "@/lib/catalog/catalog-status";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request);
    return Response.json(getCatalogStatus());
  } catch (error) {
    return errorResponse(error);
  }
}
