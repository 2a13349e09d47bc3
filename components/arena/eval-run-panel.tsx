"use client";
// Running a set: choose models, a cap on what the run may spend (with the worst case of the
// whole set shown first), then a progress bar and the prompt × model table as answers land.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { estimateEvalSet, evalKeys, fetchEvalRun, startEvalRun, type EvalRunDto, type EvalSetDto } from "@/lib/evals/client/evals-api";
import { modelLabel, useModels, visibleName } from "@/lib/chat/client/use-models";
import { formatDuration } from "@/lib/format/duration";
import { formatUsd } from "@/lib/format/usd";
import { buttonSecondary, field, fieldLabel, muted } from "@/components/usage/styles";

const STATUS_TEXT: Record<string, string> = { running: "Running", done: "Done", capped: "Stopped at the cost cap", failed: "Failed" };

export function EvalRunPanel({ set }: { set: EvalSetDto }) {
  const queryClient = useQueryClient();
  const { models, byId } = useModels();
  const [picked, setPicked] = useState<string[]>([]);
  const [cap, setCap] = useState("0.50");
  const [maxTokens, setMaxTokens] = useState("");
  const [runId, setRunId] = useState<string | null>(set.runs[0]?.id ?? null);
  const bound = maxTokens ? Number(maxTokens) : undefined;
  const estimate = useQuery({
    queryKey: ["eval-estimate", set.id, picked, bound],
    queryFn: () => estimateEvalSet(set.id, picked, bound),
    enabled: picked.length > 0,
    retry: false,
  });
  const start = useMutation({
    mutationFn: () => startEvalRun(set.id, { models: picked, costCapUsd: cap, ...(bound ? { maxTokens: bound } : {}) }),
    onSuccess: (run) => {
      setRunId(run.id);
      void queryClient.invalidateQueries({ queryKey: evalKeys.sets });
    },
  });
  const run = useQuery({
    queryKey: evalKeys.run(runId ?? ""),
    queryFn: () => fetchEvalRun(runId!),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data?.run.status === "running" ? 1000 : false),
  });
  const nameOf = (id: string) => {
    const label = modelLabel(byId, id);
    return visibleName(label.name, label.simulated);
  };
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((m) => m !== id) : p.length < 8 ? [...p, id] : p));
  const data = run.data;

  return (
    <div className="space-y-4">
      <form
        aria-label={`Run ${set.name}`}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <fieldset>
          <legend className={fieldLabel}>Models</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {models
              .filter((m) => !m.preset)
              .map((m) => (
                <label key={m.id} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={picked.includes(m.id)} onChange={() => toggle(m.id)} />
                  {visibleName(m.name, m.simulated)}
                </label>
              ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1">
            <span className={fieldLabel}>Cost cap (USD)</span>
            <input className={`${field} w-28`} inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} />
          </label>
          <label className="flex flex-col gap-1">
            <span className={fieldLabel}>Max tokens per answer</span>
            <input className={`${field} w-28`} type="number" min={1} placeholder="model limit" value={maxTokens} onChange={(e) => setMaxTokens(e.target.value)} />
          </label>
          <button type="submit" className={buttonSecondary} disabled={picked.length === 0 || start.isPending || data?.run.status === "running"}>
            Run {set.prompts.length} prompts
          </button>
        </div>
        <p className={muted} aria-live="polite">
          {picked.length === 0
            ? "Pick the models to run the set on."
            : estimate.data
              ? `Worst case for the whole set: ${formatUsd(estimate.data.totalPico, "up")} (every answer at its token limit); the run stops before a prompt that could pass the cap.`
              : estimate.isError
                ? `No estimate: ${estimate.error.message}`
                : "Estimating…"}
        </p>
        {start.error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{start.error.message}</p>}
      </form>

      {data && (
        <section aria-label="Run results" className="space-y-2">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <progress className="h-2 w-48 accent-indigo-600" max={data.run.total} value={data.run.completed} aria-label="Prompts run" />
            <span>
              {data.run.completed} of {data.run.total} prompts · {data.run.interrupted ? "Interrupted" : (STATUS_TEXT[data.run.status] ?? data.run.status)} · spent {formatUsd(data.run.spentPico)} of a {formatUsd(data.run.costCapPico)} cap
            </span>
          </div>
          <RunNote run={data.run} />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Answers per prompt and model</caption>
              <thead className="text-xs text-zinc-600 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-1 pr-3">Prompt</th>
                  {data.run.models.map((m) => (
                    <th key={m} scope="col" className="py-1 pr-3">
                      {nameOf(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {data.results.map((row, i) => (
                  <tr key={i} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                    <th scope="row" className="max-w-64 py-1.5 pr-3 font-normal">
                      {row.conversationId ? (
                        <Link className="underline" href={`/c/${encodeURIComponent(row.conversationId)}`} title="Open to vote or judge">
                          {row.prompt}
                        </Link>
                      ) : (
                        <span className="text-zinc-600 dark:text-zinc-400">{row.prompt}</span>
                      )}
                    </th>
                    {row.cells.map((cell, k) => (
                      <td key={k} className="py-1.5 pr-3 text-xs">
                        {cell ? `${cell.status === "done" ? "" : `${cell.status} · `}${formatUsd(cell.costPico)} · ${formatDuration(cell.ttftMs)} TTFT · ${formatDuration(cell.totalMs)}` : "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

/** Why a run is not where a straight run would be: stopped by a restart, or taken up after one. */
function RunNote({ run }: { run: EvalRunDto }) {
  if (run.interrupted) return <p className={muted}>The server running this set stopped. It goes on with the prompts not yet run as soon as a server takes it up again, within the same cap.</p>;
  if (run.resumes === 0) return null;
  const times = run.resumes === 1 ? "once" : `${run.resumes} times`;
  return <p className={muted}>Resumed after a restart ({times}): prompts already run were kept, and a prompt that was being answered at the time shows its answers as they were then.</p>;
}
