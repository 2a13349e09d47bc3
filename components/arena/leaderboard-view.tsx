"use client";
// /leaderboard: the ranking of the caller's (or, for admins, the team's) votes, quality against
// cost, head-to-head win rates and battles. The server caches the statistics until votes change.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useCurrentUser } from "@/components/auth/current-user";
import { modelLabel, useModels, visibleName } from "@/lib/chat/client/use-models";
import { fetchLeaderboard, voteKeys } from "@/lib/votes/client/votes-api";
import { card, muted } from "@/components/usage/styles";
import { DEFAULT_FILTERS, filterQuery, LeaderboardFilters, type LeaderboardFilterState } from "./leaderboard-filters";
import { ModelBattles, RankingTable, WinRateHeatmap } from "./leaderboard-parts";
import { QualityCostChart } from "./quality-cost-chart";
import { ShareLeaderboardButton } from "./share-leaderboard-button";

export function LeaderboardView() {
  const { user } = useCurrentUser();
  const [filters, setFilters] = useState<LeaderboardFilterState>(DEFAULT_FILTERS);
  const [battleModel, setBattleModel] = useState<string | null>(null);
  const query = filterQuery(filters);
  const board = useQuery({ queryKey: voteKeys.leaderboard(query), queryFn: () => fetchLeaderboard(query), placeholderData: keepPreviousData });
  const { byId } = useModels();
  const nameOf = (model: string) => {
    const label = modelLabel(byId, model);
    return visibleName(label.name, label.simulated);
  };
  const data = board.data;
  const agreement = data?.agreement;

  return (
    <div className="mx-auto w-full max-w-6xl space-y-4 overflow-y-auto p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Leaderboard</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Link href="/votes" className="text-sm text-indigo-700 underline dark:text-indigo-300">
            Your votes
          </Link>
          <Link href="/evals" className="text-sm text-indigo-700 underline dark:text-indigo-300">
            Evaluation sets
          </Link>
          {data && data.board.rows.length > 0 && <ShareLeaderboardButton query={query} />}
        </div>
      </div>
      <LeaderboardFilters value={filters} onChange={setFilters} categories={data?.categories ?? []} isAdmin={user.role === "admin"} />
      {board.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not load the leaderboard: {board.error.message}
        </p>
      )}
      {agreement && agreement.turns > 0 && (
        <p className={muted}>
          Judge and people agreed on {agreement.agreed} of {agreement.turns} turns both judged ({Math.round((agreement.rate ?? 0) * 100)}%).
        </p>
      )}
      {!data ? (
        <p className={muted}>Loading…</p>
      ) : data.board.rows.length === 0 ? (
        <div className={card}>
          <p className={muted}>
            No votes match these filters yet. Compare models in the chat (try a blind comparison) and pick the best answer of each turn; the ranking appears here.
          </p>
        </div>
      ) : (
        <>
          <RankingTable data={data} nameOf={nameOf} />
          <QualityCostChart data={data} nameOf={nameOf} />
          <div className="grid gap-4 lg:grid-cols-2">
            <WinRateHeatmap data={data} nameOf={nameOf} />
            <ModelBattles data={data} nameOf={nameOf} model={battleModel ?? data.board.rows[0].model} onModelChange={setBattleModel} />
          </div>
        </>
      )}
    </div>
  );
}
