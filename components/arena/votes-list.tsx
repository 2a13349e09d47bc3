"use client";
// /votes: the caller's votes (admins: the team's), newest first — change a verdict or its tags,
// delete it, or download them all as CSV or JSON.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useCurrentUser } from "@/components/auth/current-user";
import { modelLabel, useModels, visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import { deleteVote, editVote, fetchVotes, voteKeys, votesExportHref, type VoteDto } from "@/lib/votes/client/votes-api";
import { buttonSecondary, card, field, fieldLabel, muted, segment } from "@/components/usage/styles";
import { describeOutcome } from "./vote-bar";

export function VotesList() {
  const { user } = useCurrentUser();
  const [scope, setScope] = useState<"mine" | "team">("mine");
  const votes = useQuery({ queryKey: voteKeys.list(scope), queryFn: () => fetchVotes(scope) });
  const { byId } = useModels();
  const nameOf = (model: string) => {
    const label = modelLabel(byId, model);
    return visibleName(label.name, label.simulated);
  };
  return (
    <div className="mx-auto w-full max-w-5xl space-y-4 overflow-y-auto p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Votes</h1>
        <div className="flex flex-wrap items-center gap-2">
          {user.role === "admin" && (
            <div role="group" aria-label="Whose votes" className="flex gap-1">
              <button type="button" aria-pressed={scope === "mine"} className={segment(scope === "mine")} onClick={() => setScope("mine")}>
                Mine
              </button>
              <button type="button" aria-pressed={scope === "team"} className={segment(scope === "team")} onClick={() => setScope("team")}>
                Team
              </button>
            </div>
          )}
          <a className={buttonSecondary} href={votesExportHref(scope, "csv")} download>
            Export CSV
          </a>
          <a className={buttonSecondary} href={votesExportHref(scope, "json")} download="switchyard-votes.json">
            Export JSON
          </a>
          <Link href="/leaderboard" className="text-sm text-indigo-700 underline dark:text-indigo-300">
            Leaderboard
          </Link>
        </div>
      </div>
      {votes.isError && <p role="alert" className="text-sm text-red-700">Could not load votes: {votes.error.message}</p>}
      {votes.data?.length === 0 && <p className={muted}>No votes yet: pick the best answer under a turn of a comparison.</p>}
      <ul className="space-y-3" aria-label="Votes">
        {votes.data?.map((vote) => <VoteItem key={vote.id} vote={vote} nameOf={nameOf} editable={vote.userId === user.id} />)}
      </ul>
    </div>
  );
}

function VoteItem({ vote, nameOf, editable }: { vote: VoteDto; nameOf: (m: string) => string; editable: boolean }) {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: voteKeys.all }), queryClient.invalidateQueries({ queryKey: ["leaderboard"] })]);
  const [tags, setTags] = useState(vote.categories.join(", "));
  const save = useMutation({ mutationFn: (change: Parameters<typeof editVote>[1]) => editVote(vote.id, change), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteVote(vote.id), onSuccess: refresh });
  const n = vote.columns.length;
  const title = `Turn ${vote.turn + 1}, ${new Date(vote.createdAt).toLocaleString()}`;
  return (
    <li className={card} aria-label={`Vote on ${title}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">
          <Link className="underline" href={`/c/${encodeURIComponent(vote.conversationId)}`}>
            {title}
          </Link>
          <span className="ml-2 text-zinc-600 dark:text-zinc-400">
            {vote.kind === "judge" ? `judge ${vote.judgeModel}` : vote.blind ? "blind" : "sighted"}
            {vote.deanonymised && " · an answer named its model"}
            {vote.autoCategory && ` · ${vote.autoCategory}`}
          </span>
        </p>
        <p className="text-sm font-semibold">{describeOutcome(vote.outcome, n, (i) => nameOf(vote.columns[i].model), false)}</p>
      </div>
      <ol className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {vote.columns.map((c, i) => (
          <li key={i}>
            {i + 1}. {nameOf(c.model)} · {c.costPico === null ? "—" : formatUsd(c.costPico)} · {c.ttftMs === null ? "—" : `${Math.round(c.ttftMs)} ms`} · {c.answerChars} chars
          </li>
        ))}
      </ol>
      {editable && (
        <form
          className="mt-3 flex flex-wrap items-end gap-2"
          aria-label={`Change the vote on ${title}`}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ categories: tags.split(",").map((t) => t.trim()).filter(Boolean) });
          }}
        >
          <label className="flex flex-col gap-1">
            <span className={fieldLabel}>Verdict</span>
            <select
              className={field}
              value={vote.outcome.kind === "best" ? `best:${vote.outcome.column}` : vote.outcome.kind}
              onChange={(e) => {
                const v = e.target.value;
                save.mutate({ outcome: v.startsWith("best:") ? { kind: "best", column: Number(v.slice(5)) } : { kind: v as "tie" | "all-bad" } });
              }}
            >
              {vote.columns.map((c, i) => (
                <option key={i} value={`best:${i}`}>
                  {nameOf(c.model)} is the best
                </option>
              ))}
              <option value="tie">Tie</option>
              <option value="all-bad">All are bad</option>
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className={fieldLabel}>Tags (comma-separated)</span>
            <input className={field} value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <button type="submit" className={buttonSecondary} disabled={save.isPending}>
            Save tags
          </button>
          <button type="button" className={buttonSecondary} disabled={remove.isPending} onClick={() => remove.mutate()}>
            Delete vote
          </button>
          {(save.error || remove.error) && <span className="text-xs text-red-700">{(save.error ?? remove.error)?.message}</span>}
        </form>
      )}
    </li>
  );
}
