import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { createEvalSetSchema } from "@/lib/evals/eval-schemas";
import { createEvalSet, listEvalSets } from "@/lib/evals/eval-store";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json({ sets: await listEvalSets(user.id) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{name, prompts}`: the page parses typed, pasted, JSONL and CSV prompts into the list. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const { name, prompts } = await parseJsonBody(request, createEvalSetSchema);
    return Response.json({ set: await createEvalSet(user.id, name, prompts) }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
