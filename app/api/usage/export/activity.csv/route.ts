import { errorResponse } from "@/lib/errors";
import { activityCsvResponse } from "@/lib/usage/csv-exports";
import { readUsageRequest } from "@/lib/usage/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const { userId, query } = await readUsageRequest(request);
    return activityCsvResponse(userId, query);
  } catch (error) {
    return errorResponse(error);
  }
}
