// Runs only for /share/<token> (see matcher): gives revoked and expired links HTTP 410. The
// page renders the "no longer available" message itself; pages cannot set that status.
import { NextResponse, type NextRequest } from "next/server";
import { sharePageStatus } from "@/lib/share/proxy-status";

export async function proxy(request: NextRequest) {
  const status = await sharePageStatus(request.nextUrl.pathname);
  return status === 410 ? NextResponse.next({ status: 410 }) : NextResponse.next();
}

export const config = { matcher: "/share/:token" };
