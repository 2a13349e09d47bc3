// First run: creates the first account, an admin, and signs it in. Closed once set up.
import { setupRequestSchema } from "@/lib/auth/auth-schemas";
import { setUp, withCookies } from "@/lib/auth/sign-in";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const { user, cookies } = await setUp(request, await parseJsonBody(request, setupRequestSchema));
    return withCookies(Response.json({ user }, { status: 201 }), cookies);
  } catch (error) {
    return errorResponse(error);
  }
}
