import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { listModelOptions } from "@/lib/providers/list-models";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request);
    return Response.json({ models: await listModelOptions() });
  } catch (error) {
    return errorResponse(error);
  }
}
