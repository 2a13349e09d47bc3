import { errorResponse } from "@/lib/errors";
import { readUsageRequest } from "@/lib/usage/request";
import { getUsageSummary } from "@/lib/usage/summary";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const { userId, query } = await readUsageRequest(request);
    return Response.json(await getUsageSummary(userId, query));
  } catch (error) {
    return errorResponse(error);
  }
}
