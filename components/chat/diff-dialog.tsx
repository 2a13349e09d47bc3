"use client";
// Two answers of one turn, word by word: side by side (each with its own words marked) or
// inline (removed words struck through, added words underlined).
import { useId, useMemo, useState } from "react";
import { diffAnswers, sideOf, type DiffPart } from "@/lib/chat/client/word-diff";
import { Modal } from "@/components/ui/modal";

export interface DiffCandidate {
  name: string;
  text: string;
}

interface Props {
  turnIndex: number;
  candidates: DiffCandidate[];
  onClose: () => void;
}

const select = "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-950 underline decoration-emerald-600 dark:bg-emerald-900/60 dark:text-emerald-50">
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i} className="rounded-sm bg-red-100 text-red-950 decoration-red-600 dark:bg-red-900/60 dark:text-red-50">
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

function AnswerSelect({ label, value, onChange, candidates }: { label: string; value: number; onChange: (i: number) => void; candidates: DiffCandidate[] }) {
  return (
    <label className="min-w-40 flex-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} className={select}>
        {candidates.map((c, i) => (
          <option key={i} value={i}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DiffDialog({ turnIndex, candidates, onClose }: Props) {
  const name = useId();
  const [left, setLeft] = useState(0);
  const [right, setRight] = useState(Math.min(1, candidates.length - 1));
  const [mode, setMode] = useState<"side" | "inline">("side");
  const diff = useMemo(() => diffAnswers(candidates[left]?.text ?? "", candidates[right]?.text ?? ""), [candidates, left, right]);

  const pane = "min-h-0 overflow-auto rounded-lg border border-zinc-200 bg-white p-3 text-sm leading-relaxed break-words whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950";
  return (
    <Modal
      open
      onClose={onClose}
      title={`Compare answers · turn ${turnIndex + 1}`}
      subtitle={
        <p role="status">
          {left === right
            ? "Pick two different answers."
            : `${diff.removedWords} ${diff.removedWords === 1 ? "word" : "words"} only in the first, ${diff.addedWords} only in the second${diff.complete ? "" : " (too different to match word by word: shown whole)"}.`}
        </p>
      }
      closeLabel="Close comparison"
      className="h-[min(52rem,calc(100dvh-1.5rem))] w-[min(80rem,calc(100vw-1.5rem))] bg-zinc-50"
    >
      <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <AnswerSelect label="First answer" value={left} onChange={setLeft} candidates={candidates} />
        <AnswerSelect label="Second answer" value={right} onChange={setRight} candidates={candidates} />
        <div role="radiogroup" aria-label="Diff layout" className="flex gap-1 rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
          {(["side", "inline"] as const).map((m) => (
            <label key={m} className={`relative rounded-md px-2.5 py-1 text-sm has-focus-visible:ring-2 has-focus-visible:ring-indigo-500 ${mode === m ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 dark:text-zinc-300"}`}>
              {/* The radio covers its label: invisible, but it is what a click lands on. */}
              <input type="radio" name={name} value={m} checked={mode === m} onChange={() => setMode(m)} className="absolute inset-0 cursor-pointer opacity-0" />
              {m === "side" ? "Side by side" : "Inline"}
            </label>
          ))}
        </div>
      </div>
      {mode === "side" ? (
        <div className="grid min-h-0 flex-1 grid-rows-2 gap-3 p-4 md:grid-cols-2 md:grid-rows-1">
          <section aria-label={`First answer: ${candidates[left]?.name}`} className={pane}>
            <Parts parts={sideOf(diff, "left")} />
          </section>
          <section aria-label={`Second answer: ${candidates[right]?.name}`} className={pane}>
            <Parts parts={sideOf(diff, "right")} />
          </section>
        </div>
      ) : (
        <section aria-label="Inline differences" className={`m-4 min-h-0 flex-1 ${pane}`}>
          <Parts parts={diff.parts} />
        </section>
      )}
    </Modal>
  );
}
