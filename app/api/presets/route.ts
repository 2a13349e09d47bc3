// GET: the caller's presets and the team's. POST: a new preset (a team preset: admins only).
import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { presetInputSchema } from "@/lib/presets/preset-schema";
import { createPreset, listPresets } from "@/lib/presets/presets";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json({ presets: await listPresets(user) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const input = await parseJsonBody(request, presetInputSchema);
    return Response.json({ preset: await createPreset(user, input) }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
