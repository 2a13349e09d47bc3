// GET: how the response cache is set up (anyone signed in). PUT: share it across the team (admins).
import { z } from "zod";
import { requireAdmin, requireUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { getAppSetting, setAppSetting } from "@/lib/db/app-settings";

export const dynamic = "force-dynamic";

const updateSchema = z.object({ shared: z.boolean({ error: "shared must be true or false" }) }).strict();

async function describe() {
  return { shared: await getAppSetting("responseCacheShared"), defaultTtlSeconds: getEnv().RESPONSE_CACHE_TTL_SECONDS };
}

export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request);
    return Response.json(await describe());
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PUT(request: Request): Promise<Response> {
  try {
    await requireAdmin(request);
    const { shared } = await parseJsonBody(request, updateSchema);
    await setAppSetting("responseCacheShared", shared);
    return Response.json(await describe());
  } catch (error) {
    return errorResponse(error);
  }
}
