// Reads a usage route's query string once: the range and filters plus its own options.
import { getCurrentUserId } from "../auth/local-user";
import { paramsToObject, parseUsageQuery, type UsageQuery } from "./query-params";

export interface UsageRequest {
  userId: string;
  query: UsageQuery;
  params: Record<string, string>;
}

export async function readUsageRequest(request: Request): Promise<UsageRequest> {
  const params = paramsToObject(new URL(request.url).searchParams);
  const query = parseUsageQuery(params);
  return { userId: await getCurrentUserId(), query, params };
}
