import { errorResponse } from "@/lib/errors";
import { listModelOptions } from "@/lib/providers/list-models";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json({ models: await listModelOptions() });
  } catch (error) {
    return errorResponse(error);
  }
}
