import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { presetModelOptions } from "@/lib/presets/preset-options";
import { listModelOptions } from "@/lib/router/model-options";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const [models, presets] = await Promise.all([listModelOptions(), presetModelOptions(user)]);
    return Response.json({ models: [...models, ...presets] });
  } catch (error) {
    return errorResponse(error);
  }
}
