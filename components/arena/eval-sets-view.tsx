"use client";
// /evals: named sets of prompts (typed, pasted, or from a JSONL or CSV file), each run against
// chosen models within a cost cap; the runs' comparisons can be voted on and judged like any.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createEvalSet, deleteEvalSet, evalKeys, fetchEvalSets } from "@/lib/evals/client/evals-api";
import { parsePrompts } from "@/lib/evals/parse-prompts";
import { buttonSecondary, card, field, fieldLabel, muted, sectionTitle } from "@/components/usage/styles";
import { EvalRunPanel } from "./eval-run-panel";

export function EvalSetsView() {
  const queryClient = useQueryClient();
  const sets = useQuery({ queryKey: evalKeys.sets, queryFn: fetchEvalSets });
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  const [parseError, setParseError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  let prompts: string[] = [];
  try {
    prompts = parsePrompts(text, fileName);
  } catch {
    prompts = [];
  }
  const create = useMutation({
    mutationFn: () => createEvalSet(name, parsePrompts(text, fileName)),
    onSuccess: (set) => {
      setName("");
      setText("");
      setFileName("");
      setOpen(set.id);
      void queryClient.invalidateQueries({ queryKey: evalKeys.sets });
    },
  });
  const remove = useMutation({ mutationFn: deleteEvalSet, onSuccess: () => queryClient.invalidateQueries({ queryKey: evalKeys.sets }) });

  return (
    <div className="mx-auto w-full max-w-5xl space-y-4 overflow-y-auto p-4 sm:p-6">
      <h1 className="text-xl font-semibold tracking-tight">Evaluation sets</h1>
      <form
        aria-label="New evaluation set"
        className={`${card} space-y-3`}
        onSubmit={(e) => {
          e.preventDefault();
          try {
            parsePrompts(text, fileName);
            setParseError(null);
            create.mutate();
          } catch (error) {
            setParseError(error instanceof Error ? error.message : String(error));
          }
        }}
      >
        <h2 className={sectionTitle}>New set</h2>
        <label className="flex flex-col gap-1">
          <span className={fieldLabel}>Name</span>
          <input className={field} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        </label>
        <label className="flex flex-col gap-1">
          <span className={fieldLabel}>Prompts (one per line, or JSON Lines)</span>
          <textarea className={`${field} min-h-28 font-mono`} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm">
            <span className={fieldLabel}>Or load a JSONL or CSV file </span>
            <input
              type="file"
              accept=".jsonl,.json,.csv,.txt"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFileName(file.name);
                setText(await file.text());
              }}
            />
          </label>
          <span className={muted}>{prompts.length} prompts</span>
          <button type="submit" className={buttonSecondary} disabled={!name.trim() || prompts.length === 0 || create.isPending}>
            Save set
          </button>
        </div>
        {(parseError || create.error) && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{parseError ?? create.error?.message}</p>}
      </form>

      {sets.data?.length === 0 && <p className={muted}>No sets yet.</p>}
      <ul className="space-y-3" aria-label="Evaluation sets">
        {sets.data?.map((set) => (
          <li key={set.id} className={card} aria-label={set.name}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className={sectionTitle}>
                {set.name} <span className={muted}>· {set.prompts.length} prompts</span>
              </h2>
              <div className="flex gap-2">
                <button type="button" className={buttonSecondary} aria-expanded={open === set.id} onClick={() => setOpen(open === set.id ? null : set.id)}>
                  {open === set.id ? "Close" : "Run…"}
                </button>
                <button type="button" className={buttonSecondary} onClick={() => remove.mutate(set.id)} aria-label={`Delete ${set.name}`}>
                  Delete
                </button>
              </div>
            </div>
            {open === set.id && (
              <div className="mt-3">
                <EvalRunPanel set={set} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
