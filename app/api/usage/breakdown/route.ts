import { errorResponse } from "@/lib/errors";
import { getUsageBreakdown, parseBreakdownOptions } from "@/lib/usage/breakdown";
import { readUsageRequest } from "@/lib/usage/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const { userId, query, params } = await readUsageRequest(request);
    return Response.json(await getUsageBreakdown(userId, query, parseBreakdownOptions(params)));
  } catch (error) {
    return errorResponse(error);
  }
}
