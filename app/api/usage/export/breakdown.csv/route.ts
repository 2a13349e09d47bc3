import { errorResponse } from "@/lib/errors";
import { parseBreakdownOptions } from "@/lib/usage/breakdown";
import { breakdownCsvResponse } from "@/lib/usage/csv-exports";
import { readUsageRequest } from "@/lib/usage/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const { userId, query, params } = await readUsageRequest(request);
    return await breakdownCsvResponse(userId, query, parseBreakdownOptions(params));
  } catch (error) {
    return errorResponse(error);
  }
}
