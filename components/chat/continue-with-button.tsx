"use client";
// "Continue with this answer": after this turn every column is sent this answer as the
// conversation so far (pressed again: each column goes back to its own answers).
import { useCourse } from "./course-context";
import { answerActionButton } from "./styles";

export function ContinueWithButton({ promptId, answerId, active, subject }: { promptId: string; answerId: string; active: boolean; subject: string }) {
  const course = useCourse();
  if (!course) return null;
  return (
    <button
      type="button"
      aria-pressed={active}
      disabled={course.busy}
      onClick={() => course.continueWith(promptId, active ? null : answerId)}
      aria-label={`Continue with ${subject}`}
      title={active ? "Every column continues from this answer; press to let each column continue from its own" : "Continue the conversation with this answer as every column's history"}
      className={`${answerActionButton} ${active ? "bg-indigo-50 text-indigo-800 ring-indigo-300 dark:bg-indigo-950/50 dark:text-indigo-200 dark:ring-indigo-800" : ""} disabled:opacity-50`}
    >
      {active ? "Continuing with this" : "Continue with this"}
    </button>
  );
}
