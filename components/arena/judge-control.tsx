"use client";
// "Ask a judge": a chosen model judges the turn, or every turn it has not judged yet (answers
// anonymised, each turn asked twice in swapped orders; see lib/votes/judge-turn.ts). The model list loads only when opened, so a blind
// comparison's page holds no model names until then.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useModels, visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import { judgeEveryTurn, judgeTurn, type JudgeEveryTurnDto, type VoteDto } from "@/lib/votes/client/votes-api";
import { describeOutcome, type VoteColumnCell } from "./vote-bar";

interface Props {
  conversationId: string;
  turn: number;
  turnIndex: number;
  votes: VoteDto[];
  names: VoteColumnCell[];
  onJudged: () => void;
}

const button = "inline-flex items-center rounded-md px-2.5 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-200 dark:ring-zinc-700 dark:hover:bg-zinc-800";

export function JudgeControl({ conversationId, turn, turnIndex, votes, names, onJudged }: Props) {
  const [open, setOpen] = useState(false);
  const nameOf = (i: number) => names.find((c) => c.index === i)?.name ?? `Column ${i + 1}`;
  const columnCount = votes[0]?.columns.length ?? names.length;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {votes.map((v) => (
        <p key={v.id} className="text-xs text-zinc-600 dark:text-zinc-400">
          Judge {v.judgeModel}: {describeOutcome(v.outcome, columnCount, nameOf)}
        </p>
      ))}
      {open ? (
        <JudgeForm conversationId={conversationId} turn={turn} turnIndex={turnIndex} onJudged={onJudged} onClose={() => setOpen(false)} />
      ) : (
        <button type="button" className={button} onClick={() => setOpen(true)} aria-label={`Ask a judge model about turn ${turnIndex + 1}`}>
          Ask a judge…
        </button>
      )}
    </div>
  );
}

function JudgeForm({ conversationId, turn, turnIndex, onJudged, onClose }: { conversationId: string; turn: number; turnIndex: number; onJudged: () => void; onClose: () => void }) {
  const { models } = useModels();
  const [model, setModel] = useState("");
  const judge = useMutation({ mutationFn: (judgeModel: string) => judgeTurn({ conversationId, turn, judgeModel }), onSuccess: onJudged });
  const judgeAll = useMutation({ mutationFn: (judgeModel: string) => judgeEveryTurn({ conversationId, judgeModel }), onSuccess: onJudged });
  const pending = judge.isPending || judgeAll.isPending;
  const chosen = model || models.find((m) => !m.preset)?.id || "";
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={`Judge turn ${turnIndex + 1}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) judge.mutate(chosen);
      }}
    >
      <label className="text-xs">
        <span className="sr-only">Judge model</span>
        <select value={chosen} onChange={(e) => setModel(e.target.value)} className="max-w-48 rounded-md border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-900">
          {models
            .filter((m) => !m.preset)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {visibleName(m.name, m.simulated)}
              </option>
            ))}
        </select>
      </label>
      <button type="submit" className={button} disabled={pending || !chosen}>
        {judge.isPending ? "Judging…" : "Judge"}
      </button>
      <button type="button" className={button} disabled={pending || !chosen} onClick={() => judgeAll.mutate(chosen)}>
        {judgeAll.isPending ? "Judging every turn…" : "Judge every turn"}
      </button>
      <button type="button" className={button} onClick={onClose}>
        Close
      </button>
      <span aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
        {judge.error || judgeAll.error ? (
          <span className="text-red-700 dark:text-red-400">{(judge.error ?? judgeAll.error)!.message}</span>
        ) : judgeAll.data ? (
          everyTurnSummary(judgeAll.data)
        ) : judge.data ? (
          `Judged (${judge.data.verdicts.join(" / ")}); judging cost ${formatUsd(judge.data.costPico)}`
        ) : (
          ""
        )}
      </span>
    </form>
  );
}

function everyTurnSummary(result: JudgeEveryTurnDto): string {
  const turns = (list: { turn: number }[]) => list.map((t) => t.turn + 1).join(", ");
  const parts = [result.judged.length ? `Judged turn${result.judged.length > 1 ? "s" : ""} ${turns(result.judged)}` : "No turn left to judge"];
  if (result.failed.length) parts.push(`failed on ${turns(result.failed)}: ${result.failed[0].message}`);
  parts.push(`judging cost ${formatUsd(result.costPico)}`);
  return parts.join("; ");
}
