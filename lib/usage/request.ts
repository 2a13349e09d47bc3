// Reads a usage route's query string once: whose usage, the range and filters, and the
// route's own options. Members read only their own; admins may pass user=all or a user id.
import { requireUser } from "../auth/current-user";
import { AppError } from "../errors";
import { paramsToObject, parseUsageQuery, type UsageQuery } from "./query-params";
import { ALL_USERS } from "./scope";

export interface UsageRequest {
  /** A user id, or ALL_USERS for an admin's view of everyone. */
  userId: string;
  query: UsageQuery;
  params: Record<string, string>;
}

export async function readUsageRequest(request: Request): Promise<UsageRequest> {
  const user = await requireUser(request);
  const params = paramsToObject(new URL(request.url).searchParams);
  const query = parseUsageQuery(params);
  return { userId: usageScope(user, params.user), query, params };
}

export function usageScope(user: { id: string; role: string }, requested: string | undefined): string {
  if (!requested || requested === "me" || requested === user.id) return user.id;
  if (user.role !== "admin") throw new AppError(403, "Only an admin can see other users' usage", "forbidden", "user");
  if (requested === "all") return ALL_USERS;
  if (requested.length > 64) throw new AppError(400, "user must be me, all or a user id", "invalid_request", "user");
  return requested;
}
