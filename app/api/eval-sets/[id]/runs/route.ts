import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { startEvalRunSchema } from "@/lib/evals/eval-schemas";
import { startEvalRun } from "@/lib/evals/eval-runner";
import { runToDto } from "@/lib/evals/eval-store";

export const dynamic = "force-dynamic";

/** Starts a run (`{models, costCapUsd, concurrency?}`); it goes on in the background: poll GET /api/eval-runs/:id. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(request);
    const input = await parseJsonBody(request, startEvalRunSchema);
    const run = await startEvalRun(user.id, (await params).id, input);
    return Response.json({ run: runToDto(run) }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
