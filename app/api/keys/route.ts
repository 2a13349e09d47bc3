// GET: the user's API keys (never the keys themselves). POST: a new key, shown in this response only.
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { createApiKeyRequestSchema } from "@/lib/auth/api-keys-input";
import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    return Response.json({ keys: await listApiKeys(user.id) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, createApiKeyRequestSchema);
    const created = await createApiKey(user.id, body);
    // The plaintext key exists in this one response: no cache may keep a copy.
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
