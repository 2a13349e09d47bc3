import { requireUser } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { parseQuery } from "@/lib/http/parse-body";
import { leaderboardQuerySchema } from "@/lib/votes/leaderboard-query";
import { readLeaderboard } from "@/lib/votes/leaderboard-service";

export const dynamic = "force-dynamic";

/** The arena leaderboard over the caller's votes (admins: `scope=team`), cached until votes change. */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const query = parseQuery(request, leaderboardQuerySchema);
    if (query.scope === "team" && user.role !== "admin") throw new AppError(403, "Only admins see the team's leaderboard", "forbidden", "scope");
    const page = await readLeaderboard(query, query.scope === "team" ? null : user.id);
    return Response.json(page, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
