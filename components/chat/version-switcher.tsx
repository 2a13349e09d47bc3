"use client";
// `< 2/3 >`: which of several versions is shown (an answer's regenerations, a prompt's edits).
import { useCourse } from "./course-context";

interface Props {
  versions: readonly string[] | undefined;
  current: string;
  /** What the buttons switch, for their names: "version of Swift Mini answer", "branch of turn 2". */
  subject: string;
}

const button = "rounded px-1.5 py-0.5 text-sm leading-none text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 disabled:opacity-30 dark:text-zinc-400 dark:hover:bg-zinc-800";

export function VersionSwitcher({ versions, current, subject }: Props) {
  const course = useCourse();
  if (!course || !versions || versions.length < 2) return null;
  const index = versions.indexOf(current);
  const go = (step: number) => course.select(versions[index + step]);
  return (
    <div role="group" aria-label={`Versions: ${subject}`} className="inline-flex items-center gap-0.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
      <button type="button" className={button} aria-label={`Previous ${subject}`} disabled={course.busy || index <= 0} onClick={() => go(-1)}>
        ‹
      </button>
      <span aria-live="polite">
        {index + 1}/{versions.length}
      </span>
      <button type="button" className={button} aria-label={`Next ${subject}`} disabled={course.busy || index >= versions.length - 1} onClick={() => go(1)}>
        ›
      </button>
    </div>
  );
}
