import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { parseJsonBody, validateBody } from "@/lib/http/parse-body";
import { requestOrigin } from "@/lib/http/request-origin";
import { expiresInSchema } from "@/lib/share/expiry";
import { leaderboardQuerySchema } from "@/lib/votes/leaderboard-query";
import { listLeaderboardShares, shareLeaderboard } from "@/lib/votes/leaderboard-share";

export const dynamic = "force-dynamic";

const shareRequestSchema = z.object({ query: z.string().max(2000), expiresIn: expiresInSchema }).strict();

/** Freezes the leaderboard as the filters (`query`, the page's query string) show it, behind a new link. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, shareRequestSchema);
    const query = validateBody(Object.fromEntries(new URLSearchParams(body.query)), leaderboardQuerySchema, ["query"]);
    if (query.scope === "team" && user.role !== "admin") throw new AppError(403, "Only admins share the team's leaderboard", "forbidden", "query");
    const share = await shareLeaderboard(user.id, query.scope === "team" ? null : user.id, query, body.expiresIn);
    return Response.json({ id: share.id, url: `${requestOrigin(request)}/shared-leaderboard/${share.token}`, expiresAt: share.expiresAt?.toISOString() ?? null }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const origin = requestOrigin(request);
    const shares = await listLeaderboardShares(user.id);
    return Response.json({
      shares: shares.map((s) => ({ id: s.id, url: `${origin}/shared-leaderboard/${s.token}`, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt?.toISOString() ?? null, revoked: s.revokedAt !== null })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
