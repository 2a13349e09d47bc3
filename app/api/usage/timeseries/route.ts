import { errorResponse } from "@/lib/errors";
import { readUsageRequest } from "@/lib/usage/request";
import { getUsageTimeseries, parseTimeseriesOptions } from "@/lib/usage/timeseries";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const { userId, query, params } = await readUsageRequest(request);
    return Response.json(await getUsageTimeseries(userId, query, parseTimeseriesOptions(params)));
  } catch (error) {
    return errorResponse(error);
  }
}
