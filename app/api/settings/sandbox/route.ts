// Admin only. The simulated models' switch (GET: its state; PUT {mode: "on" | "off"}).
import { requireAdmin } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { ensureProviderCredentials } from "@/lib/providers/credential-snapshot";
import { isRealProvider, sandboxSetting, sandboxSettingSchema } from "@/lib/providers/sandbox-setting-response";
import { setSandboxMode } from "@/lib/providers/sandbox-switch";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdmin(request);
    return Response.json(await sandboxSetting(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PUT(request: Request): Promise<Response> {
  try {
    const admin = await requireAdmin(request);
    const { mode } = await parseJsonBody(request, sandboxSettingSchema);
    await ensureProviderCredentials();
    await setSandboxMode(mode, admin.id, isRealProvider);
    return Response.json(await sandboxSetting(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
