// The public, read-only snapshot. No session needed. Never cached: a revoked link must stop
// working on the next request. HTTP 410 for revoked/expired links is set by proxy.ts.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedColumns } from "@/components/share/shared-columns";
import { SharedHeader } from "@/components/share/shared-header";
import { ShareUnavailable } from "@/components/share/share-unavailable";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { resolveSharedLink } from "@/lib/share/resolve-shared";
import { shareMetadata } from "@/lib/share/share-metadata";
import { recordShareView } from "@/lib/share/share-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ continue?: string | string[] }> };

// Metadata and page share one look-up per request.
const resolveOnce = cache((token: string) => resolveSharedLink(token));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return shareMetadata(await resolveOnce((await params).token));
}

export default async function SharedConversationPage({ params, searchParams }: Props) {
  const { token } = await params;
  const signedIn = (await userFromCookieHeader((await headers()).get("cookie"))) !== null;
  // Back from signing in after "Continue this comparison": the copy is made at once.
  const autoContinue = (await searchParams).continue === "1";
  const resolved = await resolveOnce(token);
  if (resolved.state === "missing") notFound();
  if (resolved.state !== "active") return <ShareUnavailable reason="gone" />;
  await recordShareView(resolved.id);
  return (
    <div className="relative flex h-dvh flex-col overflow-hidden">
      <SharedHeader snapshot={resolved.snapshot} token={token} expiresAt={resolved.expiresAt} signedIn={signedIn} autoContinue={autoContinue} />
      <main className="flex min-h-0 flex-1 flex-col" aria-label="Shared comparison">
        <SharedColumns snapshot={resolved.snapshot} token={token} />
      </main>
    </div>
  );
}
