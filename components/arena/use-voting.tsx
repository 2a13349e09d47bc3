"use client";
// Votes in the comparison view: the conversation's votes, casting and removing them, the vote
// shortcuts (on the latest turn that can be voted on), and what a blind comparison reveals once
// voted. A blind comparison's vote reveals its models unless "Keep models hidden" is ticked:
// then each turn is voted blind and "Reveal models" ends it. Returns the per-turn bar for the
// grid's turn-wide row.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { VoteOutcome } from "@/lib/arena/vote-schema";
import type { ConversationDto } from "@/lib/chat/api-types";
import { queryKeys } from "@/lib/chat/client/api";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import { buildTurnRows, type TurnRow } from "@/lib/chat/client/turn-rows";
import type { ChatView } from "@/lib/chat/client/chat-view";
import { isBlindModelId } from "@/lib/chat/blind-labels";
import { castVote, deleteVote, fetchConversationVotes, revealComparison, voteKeys, type VoteDto } from "@/lib/votes/client/votes-api";
import { useShortcut } from "@/components/layout/shortcuts";
import { BlindVoteOptions } from "./blind-vote-options";
import { JudgeControl } from "./judge-control";
import { VoteBar, type VoteColumnCell } from "./vote-bar";

export type TurnExtra = (rowIndex: number, cells: VoteColumnCell[]) => React.ReactNode;

export interface Voting {
  turnExtra: TurnExtra | undefined;
  /** Set once a blind comparison's models were revealed: its votes, to show in the reveal. */
  revealed: VoteDto[] | null;
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
  const [revealed, setRevealed] = useState<VoteDto[] | null>(null);
  const hidden = conversation?.blind?.hidden === true;
  // Once a turn of a hidden comparison is voted, the voter chose to keep going blind: so it stays.
  const [keepChoice, setKeepChoice] = useState<{ id: string | null; keep: boolean } | null>(null);
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

  // Shortcuts act on the latest turn that can take a vote; the blind options sit under it.
  const latest = [...rows].reverse().find(votable);
  const latestTurn = latest?.turn.turn;
  const keepBlind = hidden && (keepChoice?.id === conversationId ? keepChoice.keep : humanVotes.size > 0);

  const cast = useMutation({
    mutationFn: (input: { turn: number; outcome: VoteOutcome; reveal?: boolean }) => castVote({ conversationId: conversationId!, ...input }),
    onSuccess: async (vote, input) => {
      setError(null);
      if (input.reveal) setRevealed([vote]);
      await refresh();
    },
    onError: (e, input) => setError({ turn: input.turn, message: e.message }),
  });
  const reveal = useMutation({
    mutationFn: () => revealComparison(conversationId!),
    onSuccess: async (votes) => {
      setError(null);
      setRevealed(votes);
      await refresh();
    },
    onError: (e) => setError({ turn: latestTurn ?? -1, message: e.message }),
  });
  const remove = useMutation({ mutationFn: (id: string) => deleteVote(id), onSuccess: refresh });

  const vote = useCallback(
    (turn: number, outcome: VoteOutcome) => {
      if (!cast.isPending) cast.mutate({ turn, outcome, ...(hidden ? { reveal: !keepBlind } : {}) });
    },
    [cast, hidden, keepBlind],
  );
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
            blind={
              hidden && turn === latestTurn ? (
                <BlindVoteOptions
                  keep={keepBlind}
                  onKeepChange={(keep) => setKeepChoice({ id: conversationId, keep })}
                  votedTurns={humanVotes.size}
                  revealing={reveal.isPending}
                  onReveal={() => reveal.mutate()}
                />
              ) : undefined
            }
            judge={<JudgeControl conversationId={conversationId!} turn={turn} turnIndex={rowIndex} votes={judgeVotes.filter((v) => v.turn === turn)} names={cells} onJudged={refresh} />}
          />
        );
      }
    : undefined;

  // The reveal shows every voted turn once the refreshed votes carry their models.
  const fresh = [...humanVotes.values()].filter((v) => !v.columns.some((c) => isBlindModelId(c.model))).sort((a, b) => a.turn - b.turn);
  const shown = revealed && (fresh.length >= revealed.length ? fresh : revealed);
  return { turnExtra, revealed: shown, dismissReveal: () => setRevealed(null) };
}
