// A shared leaderboard: the read-only snapshot behind its link. No session needed; never cached,
// so a revoked link stops working at once.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedLeaderboard } from "@/components/arena/shared-leaderboard";
import { resolveLeaderboardShare } from "@/lib/votes/leaderboard-share";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Shared leaderboard", robots: { index: false } };

export default async function SharedLeaderboardPage({ params }: { params: Promise<{ token: string }> }) {
  const snapshot = await resolveLeaderboardShare((await params).token);
  if (!snapshot) notFound();
  return <SharedLeaderboard snapshot={snapshot} />;
}
