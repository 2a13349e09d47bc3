import { errorResponse } from "@/lib/errors";
import { listActivity, parseActivityOptions } from "@/lib/usage/activity";
import { readUsageRequest } from "@/lib/usage/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const { userId, query, params } = await readUsageRequest(request);
    return Response.json(await listActivity(userId, query, parseActivityOptions(params)));
  } catch (error) {
    return errorResponse(error);
  }
}
