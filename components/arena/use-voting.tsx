"use client";
// Votes in the comparison view: the conversation's votes, casting and removing them, the vote
// shortcuts (on the latest turn that can be voted on), and what a blind comparison reveals once
// voted. Returns the per-turn bar for the grid's turn-wide row.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { VoteOutcome } from "@/lib/arena/vote-schema";
import type { ConversationDto } from "@/lib/chat/api-types";
import { queryKeys } from "@/lib/chat/client/api";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import { buildTurnRows, type TurnRow } from "@/lib/chat/client/turn-rows";
import type { ChatView } from "@/lib/chat/client/chat-view";
import { castVote, deleteVote, fetchConversationVotes, voteKeys, type VoteDto } from "@/lib/votes/client/votes-api";
import { useShortcut } from "@/components/layout/shortcuts";
import { JudgeControl } from "./judge-control";
import { VoteBar, type VoteColumnCell } from "./vote-bar";

export type TurnExtra = (rowIndex: number, cells: VoteColumnCell[]) => React.ReactNode;

export interface Voting {
  turnExtra: TurnExtra | undefined;
  /** Set once a blind comparison's vote revealed its models: what to show in the reveal. */
  revealed: VoteDto | null;
  dismissReveal: () => void;
}

/** A turn can be voted on once every column has a finished (not streaming) answer. */
function votable(row: TurnRow): boolean {
  return row.answers.length >= 2 && row.answers.every((a) => a !== undefined && toAnswerDisplay(a).status !== "streaming");
}

export function useVoting(conversation: ConversationDto | undefined, view: ChatView, streaming: boolean): Voting {
  const rows = useMemo(() => buildTurnRows(view), [view]);
  const queryClient = useQueryClient();
  const conversationId = conversation?.id ?? null;
  const columnCount = conversation?.columns.length ?? 0;
  const enabled = conversationId !== null && columnCount >= 2;
  const votesQuery = useQuery({ queryKey: voteKeys.conversation(conversationId ?? ""), queryFn: () => fetchConversationVotes(conversationId!), enabled });
  const [revealed, setRevealed] = useState<VoteDto | null>(null);
  const [error, setError] = useState<{ turn: number; message: string } | null>(null);
  const humanVotes = useMemo(() => new Map((votesQuery.data ?? []).filter((v) => v.kind === "human").map((v) => [v.turn, v])), [votesQuery.data]);
  const judgeVotes = useMemo(() => (votesQuery.data ?? []).filter((v) => v.kind === "judge"), [votesQuery.data]);

  const refresh = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: voteKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["leaderboard"] }),
      conversationId ? queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) }) : undefined,
      queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
    ]);
  }, [queryClient, conversationId]);

  const cast = useMutation({
    mutationFn: (input: { turn: number; outcome: VoteOutcome }) => castVote({ conversationId: conversationId!, ...input }),
    onSuccess: async (vote) => {
      setError(null);
      if (conversation?.blind?.hidden) setRevealed(vote);
      await refresh();
    },
    onError: (e, input) => setError({ turn: input.turn, message: e.message }),
  });
  const remove = useMutation({ mutationFn: (id: string) => deleteVote(id), onSuccess: refresh });

  const vote = useCallback(
    (turn: number, outcome: VoteOutcome) => {
      if (!cast.isPending) cast.mutate({ turn, outcome });
    },
    [cast],
  );

  // Shortcuts act on the latest turn that can take a vote.
  const latest = [...rows].reverse().find(votable);
  const shortcutsOn = enabled && !streaming && latest !== undefined;
  useShortcut(
    "vote-column",
    (e) => {
      const column = Number(e.key) - 1;
      if (latest && column < columnCount) vote(latest.turn.turn, { kind: "best", column });
    },
    shortcutsOn,
  );
  useShortcut("vote-tie", () => latest && vote(latest.turn.turn, { kind: "tie" }), shortcutsOn);
  useShortcut("vote-bad", () => latest && vote(latest.turn.turn, { kind: "all-bad" }), shortcutsOn);

  const turnExtra: TurnExtra | undefined = enabled
    ? (rowIndex, cells) => {
        const row = rows[rowIndex];
        if (!row || !votable(row)) return null;
        const turn = row.turn.turn;
        const mine = humanVotes.get(turn);
        return (
          <VoteBar
            turnIndex={rowIndex}
            columns={cells}
            columnCount={columnCount}
            vote={mine}
            busy={cast.isPending || remove.isPending}
            error={error?.turn === turn ? error.message : null}
            onVote={(outcome) => vote(turn, outcome)}
            onRemove={() => mine && remove.mutate(mine.id)}
            judge={<JudgeControl conversationId={conversationId!} turn={turn} turnIndex={rowIndex} votes={judgeVotes.filter((v) => v.turn === turn)} names={cells} onJudged={refresh} />}
          />
        );
      }
    : undefined;

  return { turnExtra, revealed, dismissReveal: () => setRevealed(null) };
}
