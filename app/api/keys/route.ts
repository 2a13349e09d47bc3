// GET: the user's API keys (never the keys themselves). POST: a new key, shown in this response only.
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { createApiKeyRequestSchema } from "@/lib/auth/api-keys-input";
import { getCurrentUserId } from "@/lib/auth/local-user";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json({ keys: await listApiKeys(await getCurrentUserId()) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await parseJsonBody(request, createApiKeyRequestSchema);
    const created = await createApiKey(await getCurrentUserId(), body);
    // The plaintext key exists in this one response: no cache may keep a copy.
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
