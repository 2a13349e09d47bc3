"use client";
// Edit and resend a prompt: the edited prompt starts a new branch from its turn (the old
// branch is kept: `< 1/2 >` beside the prompt switches back).
import { useId, useState } from "react";
import { useCourse } from "./course-context";
import { answerActionButton } from "./answer-card";

export function PromptEditor({ index, promptId, prompt, onDone }: { index: number; promptId: string; prompt: string; onDone: () => void }) {
  const course = useCourse();
  const [text, setText] = useState(prompt);
  const id = useId();
  if (!course) return null;
  const send = () => {
    if (!text.trim() || course.busy) return;
    course.edit(promptId, text.trim());
    onDone();
  };
  return (
    <form
      className="min-w-0 flex-1 basis-64 space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="sr-only">
        Edit the prompt of turn {index + 1}
      </label>
      <textarea
        id={id}
        autoFocus
        rows={Math.min(8, Math.max(2, text.split("\n").length))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) send();
          if (e.key === "Escape") onDone();
        }}
        className="w-full resize-y rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
      />
      <div className="flex justify-end gap-1.5">
        <button type="button" onClick={onDone} className={answerActionButton}>
          Cancel
        </button>
        <button type="submit" disabled={!text.trim() || course.busy} className="rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900">
          Send as a new branch
        </button>
      </div>
    </form>
  );
}
