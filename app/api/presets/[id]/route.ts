// PUT replaces a preset's settings; DELETE removes it. A team preset: admins only.
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { presetInputSchema } from "@/lib/presets/preset-schema";
import { deletePreset, updatePreset } from "@/lib/presets/presets";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const idSchema = z.string().min(1).max(100);

async function presetId(params: Context["params"]): Promise<string> {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) throw new AppError(400, "The preset id is not valid", "invalid_request", "id");
  return parsed.data;
}

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    const input = await parseJsonBody(request, presetInputSchema);
    return Response.json({ preset: await updatePreset(user, await presetId(params), input) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const user = await requireUser(request);
    await deletePreset(user, await presetId(params));
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
