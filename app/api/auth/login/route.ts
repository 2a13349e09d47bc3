// Email + password sign-in: sets the session and CSRF cookies.
import { loginRequestSchema } from "@/lib/auth/auth-schemas";
import { signIn, withCookies } from "@/lib/auth/sign-in";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const { user, cookies } = await signIn(request, await parseJsonBody(request, loginRequestSchema));
    return withCookies(Response.json({ user }), cookies);
  } catch (error) {
    return errorResponse(error);
  }
}
