import { errorResponse } from "@/lib/errors";
import { listProviderStatuses } from "@/lib/providers/check-provider";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json({ providers: await listProviderStatuses() });
  } catch (error) {
    return errorResponse(error);
  }
}
