// Server components' view of the session: the signed-in user, or a redirect to sign in
// (or to first-run setup while no account exists).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { userFromCookieHeader, type SessionUser } from "./current-user";
import { needsSetup } from "./users";

export async function requirePageUser(): Promise<SessionUser> {
  const list = await headers();
  const user = await userFromCookieHeader(list.get("cookie"));
  if (user) return user;
  if (await needsSetup()) redirect("/setup");
  const path = list.get("x-pathname") ?? "/";
  redirect(path === "/" ? "/login" : `/login?next=${encodeURIComponent(path)}`);
}
