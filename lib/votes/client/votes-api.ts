// Browser-side calls to the arena's routes (votes, leaderboard, judging).
import type { VoteOutcome } from "@/lib/arena/vote-schema";
import { requestJson } from "@/lib/chat/client/api";
import type { VoteDto } from "../vote-dto";
import type { LeaderboardPageDto } from "./leaderboard-types";

export type { VoteDto };

export const voteKeys = {
  all: ["votes"] as const,
  conversation: (id: string) => ["votes", "conversation", id] as const,
  list: (scope: string) => ["votes", "list", scope] as const,
  leaderboard: (query: string) => ["leaderboard", query] as const,
};

export async function fetchConversationVotes(conversationId: string): Promise<VoteDto[]> {
  return (await requestJson<{ votes: VoteDto[] }>(`/api/votes?${new URLSearchParams({ conversationId })}`)).votes;
}

export async function fetchVotes(scope: "mine" | "team"): Promise<VoteDto[]> {
  return (await requestJson<{ votes: VoteDto[] }>(`/api/votes?${new URLSearchParams({ scope })}`)).votes;
}

export async function castVote(body: { conversationId: string; turn: number; outcome: VoteOutcome; categories?: string[]; reveal?: boolean }): Promise<VoteDto> {
  return (await requestJson<{ vote: VoteDto }>("/api/votes", { method: "POST", json: body })).vote;
}

export async function editVote(id: string, change: { outcome?: VoteOutcome; categories?: string[] }): Promise<VoteDto> {
  return (await requestJson<{ vote: VoteDto }>(`/api/votes/${encodeURIComponent(id)}`, { method: "PATCH", json: change })).vote;
}

export async function deleteVote(id: string): Promise<void> {
  await requestJson(`/api/votes/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function votesExportHref(scope: "mine" | "team", format: "csv" | "json"): string {
  return `/api/votes?${new URLSearchParams({ scope, format })}`;
}

export async function fetchLeaderboard(query: string): Promise<LeaderboardPageDto> {
  return requestJson<LeaderboardPageDto>(`/api/leaderboard?${query}`);
}

export async function judgeTurn(body: { conversationId: string; turn: number; judgeModel: string }): Promise<{ vote: VoteDto; costPico: string; verdicts: string[] }> {
  return requestJson("/api/arena/judge", { method: "POST", json: body });
}

export interface JudgeEveryTurnDto {
  judged: { turn: number; vote: VoteDto; costPico: string; verdicts: string[] }[];
  skipped: { turn: number; reason: string }[];
  failed: { turn: number; message: string }[];
  costPico: string;
}

export async function judgeEveryTurn(body: { conversationId: string; judgeModel: string }): Promise<JudgeEveryTurnDto> {
  return requestJson("/api/arena/judge", { method: "POST", json: { ...body, turn: "all" } });
}

/** Reveals a blind comparison voted on turn by turn; answers its votes with their models. */
export async function revealComparison(conversationId: string): Promise<VoteDto[]> {
  return (await requestJson<{ votes: VoteDto[] }>("/api/arena/reveal", { method: "POST", json: { conversationId } })).votes;
}
