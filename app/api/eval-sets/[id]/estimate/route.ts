import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { estimateSet } from "@/lib/evals/eval-estimate";
import { evalModelsSchema } from "@/lib/evals/eval-schemas";
import { getEvalSet } from "@/lib/evals/eval-store";

export const dynamic = "force-dynamic";

/** The worst case of running the set on `models`, before it starts. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { models, maxTokens } = await parseJsonBody(request, evalModelsSchema);
    const set = await getEvalSet(user.id, (await params).id);
    const estimate = await estimateSet(user.id, set.prompts, models, maxTokens);
    return Response.json({ totalPico: estimate.totalPico.toString(), perPrompt: estimate.perPrompt.map(String) });
  } catch (error) {
    return errorResponse(error);
  }
}
