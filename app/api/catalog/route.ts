import { requireUser } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { buildCatalogView } from "@/lib/catalog/build-catalog-view";
import { parseCatalogQuery } from "@/lib/catalog/catalog-query";
import type { CatalogResponse } from "@/lib/catalog/catalog-view-types";
import { filterCatalogView } from "@/lib/catalog/filter-catalog-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request);
    const query = parseCatalogQuery(new URL(request.url).searchParams);
    const view = buildCatalogView();
    if (query.provider && !view.providers.some((p) => p.id === query.provider)) {
      throw new AppError(400, `Unknown provider "${query.provider}"; known: ${view.providers.map((p) => p.id).join(", ")}`, "invalid_request", "provider");
    }
    const body: CatalogResponse = {
      models: filterCatalogView(view.rows, query).map((row) => row.dto),
      total: view.rows.length,
      snapshotTakenAt: view.snapshotTakenAt,
      providers: view.providers,
    };
    return Response.json(body);
  } catch (error) {
    return errorResponse(error);
  }
}
