// Runs for every page request (see matcher): a fresh CSP nonce for Next to stamp on its
// scripts, the path for the sign-in redirect, and HTTP 410 for revoked or expired
// /share/<token> links (the page renders the message itself; pages cannot set a status).
import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "@/lib/server/security-headers";
import { sharePageStatus } from "@/lib/share/proxy-status";

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);

  const isShare = request.nextUrl.pathname.startsWith("/share/");
  const status = isShare ? await sharePageStatus(request.nextUrl.pathname) : 200;
  const response = NextResponse.next({ request: { headers }, ...(status === 410 ? { status: 410 } : {}) });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: not the API, Next's static files or files in public/.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon|icon|theme\\.js|.*\\.(?:svg|png|ico|js|css|txt)$).*)" }],
};
