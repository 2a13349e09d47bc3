// An App Router page can answer 404 (notFound) but not 410, so the proxy asks here whether
// a /share/<token> request is for a link that existed and no longer works.
import { httpStatusOf, resolveSharedLink } from "./resolve-shared";

export async function sharePageStatus(pathname: string): Promise<number> {
  const token = decodeURIComponent(pathname.split("/")[2] ?? "");
  return httpStatusOf(await resolveSharedLink(token));
}
