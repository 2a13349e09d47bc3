import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

// A path under /api that no route serves (a mistyped one, or an id such as ".." that the URL
// resolves away) answers a JSON 404 like every API error, not the HTML of the 404 page.
async function noRoute(request: Request): Promise<Response> {
  return errorResponse(new AppError(404, `No route ${request.method} ${new URL(request.url).pathname}`));
}

export { noRoute as DELETE, noRoute as GET, noRoute as HEAD, noRoute as OPTIONS, noRoute as PATCH, noRoute as POST, noRoute as PUT };
