"use client";
// The public page of a shared leaderboard: the same tables and chart as /leaderboard, from the
// frozen snapshot, with the names resolved when it was shared.
import type { LeaderboardSnapshotDto } from "@/lib/votes/leaderboard-share";
import type { LeaderboardPageDto } from "@/lib/votes/client/leaderboard-types";
import { muted } from "@/components/usage/styles";
import { RankingTable, WinRateHeatmap } from "./leaderboard-parts";
import { QualityCostChart } from "./quality-cost-chart";

export function SharedLeaderboard({ snapshot }: { snapshot: LeaderboardSnapshotDto }) {
  const data: LeaderboardPageDto = { ...snapshot.page, cached: true };
  const nameOf = (model: string) => snapshot.names[model] ?? model;
  const q = snapshot.query;
  return (
    <main className="mx-auto w-full max-w-6xl space-y-4 overflow-y-auto p-4 sm:p-6" aria-label="Shared leaderboard">
      <h1 className="text-xl font-semibold tracking-tight">Leaderboard (shared)</h1>
      <p className={muted}>
        A read-only snapshot taken {new Date(snapshot.sharedAt).toUTCString()} · {q.kind === "judge" ? "judge" : "people's"} votes{q.blindOnly ? ", blind only" : ""}
        {q.category ? `, category ${q.category}` : ""}
        {q.range !== "all" ? `, last ${q.range}` : ""}.
      </p>
      <RankingTable data={data} nameOf={nameOf} />
      <QualityCostChart data={data} nameOf={nameOf} />
      <WinRateHeatmap data={data} nameOf={nameOf} />
    </main>
  );
}
