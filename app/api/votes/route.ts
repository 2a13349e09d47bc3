import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody, parseQuery } from "@/lib/http/parse-body";
import { castHumanVote, listVotesFor } from "@/lib/votes/vote-actions";
import { voteToDto, votesToCsv } from "@/lib/votes/vote-dto";
import { castVoteSchema, listVotesSchema } from "@/lib/votes/vote-schemas";

export const dynamic = "force-dynamic";

/** Cast (or change) the caller's vote on one turn of their comparison. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const vote = await castHumanVote(user.id, await parseJsonBody(request, castVoteSchema));
    return Response.json({ vote: voteToDto(vote) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The caller's votes (admins: `scope=team`), as JSON or `format=csv`. */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const query = parseQuery(request, listVotesSchema);
    const votes = await listVotesFor(user, query);
    if (query.format === "csv") {
      return new Response(votesToCsv(votes), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="switchyard-votes.csv"`, "cache-control": "no-store" },
      });
    }
    return Response.json({ votes: votes.map(voteToDto) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
