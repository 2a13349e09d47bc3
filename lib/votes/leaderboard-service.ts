// The /leaderboard page's data: the arena's statistics over the stored votes, cached per filter
// until the votes change (their count and latest change are the cache's stamp, so every instance
// sees a change), joined with what each model costs and how fast it is from the ledger (read
// fresh: cheap, and it moves with every call).
import { computeLeaderboard, type Leaderboard } from "../arena/leaderboard";
import { paretoFrontier } from "../arena/pareto";
import { selectVotes } from "../arena/select-votes";
import { buildWinRateMatrix, listBattles, type Battle, type WinRateMatrix } from "../arena/win-rates";
import type { Vote } from "../arena/vote-schema";
import { getDb } from "../db/client";
import { processSingleton } from "../process-singleton";
import { judgeHumanAgreement, type Agreement } from "./judge-agreement";
import { ledgerPerformance, type LedgerPerformance } from "./ledger-performance";
import { voteFilterOf, type LeaderboardQuery } from "./leaderboard-query";
import { listVoteRows, toVote } from "./vote-store";

const BATTLES_PER_MODEL = 25;
const CACHE_ENTRIES = 64;

export interface LeaderboardStats {
  board: Leaderboard;
  winRates: WinRateMatrix;
  battles: Record<string, Battle[]>;
  agreement: Agreement;
  /** Every tag and automatic category among the votes in scope, for the filter. */
  categories: string[];
  computedAt: string;
}

export interface LeaderboardPage extends LeaderboardStats {
  performance: LedgerPerformance[];
  /** Model ids on the Pareto frontier of score against each axis, best x first. */
  frontier: { cost: string[]; ttft: string[]; speed: string[] };
  cached: boolean;
}

interface CacheEntry {
  stamp: string;
  stats: LeaderboardStats;
}

const cache = () => processSingleton("arena.leaderboard-cache", () => new Map<string, CacheEntry>());

async function votesStamp(): Promise<string> {
  const { _count, _max } = await getDb().vote.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  return `${_count._all}:${_max.updatedAt?.getTime() ?? 0}`;
}

/** `userId` null: the team's votes (the route lets only admins ask). */
export async function readLeaderboard(query: LeaderboardQuery, userId: string | null, now = new Date()): Promise<LeaderboardPage> {
  const key = JSON.stringify({ ...query, userId });
  const stamp = await votesStamp();
  let entry = cache().get(key);
  const cached = entry?.stamp === stamp;
  if (!cached) {
    entry = { stamp, stats: computeStats(await loadVotes(userId), query, now) };
    if (cache().size >= CACHE_ENTRIES) cache().delete(cache().keys().next().value!);
    cache().set(key, entry);
  }
  const stats = entry!.stats;
  const models = stats.board.rows.map((r) => r.model);
  const performance = await ledgerPerformance(models, userId);
  return { ...stats, performance, frontier: frontiers(stats.board, performance), cached };
}

// A blind comparison voted on turn by turn counts once it is revealed (markRevealed touches its votes).
async function loadVotes(userId: string | null): Promise<Vote[]> {
  return (await listVoteRows({ userId, revealedOnly: true })).map(toVote);
}

export function computeStats(all: readonly Vote[], query: LeaderboardQuery, now: Date): LeaderboardStats {
  const filter = voteFilterOf(query, now);
  const votes = selectVotes(all, filter);
  const board = computeLeaderboard(votes, { minVotes: query.minVotes, bootstrapSamples: 1000 });
  const order = board.rows.map((r) => r.model);
  const battles: Record<string, Battle[]> = {};
  for (const model of order) battles[model] = listBattles(votes, model).slice(0, BATTLES_PER_MODEL);
  // Agreement is about the same turns whatever the kind shown: both kinds, same other filters.
  const bothKinds = [...selectVotes(all, { ...filter, kind: "human" }), ...selectVotes(all, { ...filter, kind: "judge" })];
  const categories = [...new Set(all.flatMap((v) => [...v.categories, ...(v.autoCategory ? [v.autoCategory] : [])]))].sort();
  return { board, winRates: buildWinRateMatrix(votes, order), battles, agreement: judgeHumanAgreement(bothKinds), categories, computedAt: now.toISOString() };
}

function frontiers(board: Leaderboard, performance: readonly LedgerPerformance[]): LeaderboardPage["frontier"] {
  const scoreOf = new Map(board.rows.map((r) => [r.model, r.plain.score]));
  const points = <X extends number | bigint>(x: (p: LedgerPerformance) => X | null) =>
    performance.flatMap((p) => (x(p) === null ? [] : [{ id: p.model, score: scoreOf.get(p.model)!, x: x(p)! }]));
  return {
    cost: paretoFrontier(points((p) => (p.averageCostPico === null ? null : BigInt(p.averageCostPico))), "lower").map((p) => p.id),
    ttft: paretoFrontier(points((p) => p.averageTtftMs), "lower").map((p) => p.id),
    speed: paretoFrontier(points((p) => p.tokensPerSecond), "higher").map((p) => p.id),
  };
}
