import { requireAdmin } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { checkProvider } from "@/lib/providers/check-provider";
import { getProvider } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireAdmin(request);
    const provider = getProvider((await params).id);
    if (!provider) throw new AppError(404, "Unknown provider");
    if (!provider.configured) throw new AppError(400, `${provider.label} is not configured: set ${provider.envVar}`);
    return Response.json(await checkProvider(provider));
  } catch (error) {
    return errorResponse(error);
  }
}
