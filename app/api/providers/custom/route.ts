// Admin only. POST adds a custom OpenAI-compatible provider (its key encrypted at rest).
import { requireAdmin } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { customProviderSchema } from "@/lib/providers/credential-schemas";
import { createCustomProvider } from "@/lib/providers/credentials";
import { providerStatusResponse } from "@/lib/catalog/provider-status-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireAdmin(request);
    const body = await parseJsonBody(request, customProviderSchema);
    return providerStatusResponse(await createCustomProvider(body, admin.id), 201, { check: true });
  } catch (error) {
    return errorResponse(error);
  }
}
