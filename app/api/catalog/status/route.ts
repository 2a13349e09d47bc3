import { errorResponse } from "@/lib/errors";
import { getCatalogStatus } from "@/lib/catalog/catalog-status";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json(getCatalogStatus());
  } catch (error) {
    return errorResponse(error);
  }
}
