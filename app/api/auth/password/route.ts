// A signed-in user changes their own password; their other sessions end.
import { changePasswordRequestSchema } from "@/lib/auth/auth-schemas";
import { readCookie, SESSION_COOKIE } from "@/lib/auth/cookies";
import { requireUser } from "@/lib/auth/current-user";
import { changeOwnPassword } from "@/lib/auth/users";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request);
    const body = await parseJsonBody(request, changePasswordRequestSchema);
    await changeOwnPassword(user.id, body.currentPassword, body.newPassword, readCookie(request.headers.get("cookie"), SESSION_COOKIE));
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
