import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { evalResults } from "@/lib/evals/eval-results";
import { getEvalRun, getEvalSet, runToDto } from "@/lib/evals/eval-store";

export const dynamic = "force-dynamic";

/** A run's progress and its results table (prompt × model). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(request);
    const run = runToDto(await getEvalRun(user.id, (await params).id));
    const set = await getEvalSet(user.id, run.setId);
    return Response.json({ run, results: await evalResults(user.id, run, set.prompts) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
