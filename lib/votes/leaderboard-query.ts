// The leaderboard page's filters, as a query string and as the arena's VoteFilter.
import { z } from "zod";
import type { VoteFilter } from "../arena/select-votes";

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const leaderboardQuerySchema = z.object({
  kind: z.enum(["human", "judge"]).default("human"),
  blindOnly: flag.default(false),
  includeDeanonymised: flag.default(false),
  category: z.string().trim().min(1).max(40).optional(),
  /** Time range: "all" or the last day, week, month, year. */
  range: z.enum(["all", "day", "week", "month", "year"]).default("all"),
  scope: z.enum(["mine", "team"]).default("mine"),
  minVotes: z.coerce.number().int().min(0).max(100_000).default(0),
});

export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

const RANGE_MS = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000, year: 365 * 86_400_000 } as const;

export function voteFilterOf(query: LeaderboardQuery, now: Date): VoteFilter {
  return {
    kind: query.kind,
    blindOnly: query.blindOnly,
    includeDeanonymised: query.includeDeanonymised,
    category: query.category,
    from: query.range === "all" ? undefined : new Date(now.getTime() - RANGE_MS[query.range]),
  };
}
