// Sign-out: ends the session on the server and clears its cookies.
import { requireUser } from "@/lib/auth/current-user";
import { signOut, withCookies } from "@/lib/auth/sign-in";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    await requireUser(request);
    return withCookies(Response.json({ ok: true }), await signOut(request));
  } catch (error) {
    return errorResponse(error);
  }
}
