"use client";
// A turn's prompt, shown once across every column, with what can be done with the whole
// turn: copy it as a table, compare two of its answers.
import { memo, useState } from "react";
import type { ViewTurn } from "@/lib/chat/client/chat-view";
import { useCourse } from "./course-context";
import { PromptEditor } from "./prompt-editor";
import { VersionSwitcher } from "./version-switcher";
import { CopyButton } from "@/components/ui/copy-button";
import { CopyIcon, DiffIcon } from "@/components/ui/icons";
import { answerActionButton } from "./answer-card";
import { AttachmentThumbs, type ShownAttachment } from "./attachment-thumbs";

interface Props {
  index: number;
  prompt: string;
  /** Worked out when clicked: the turn as a markdown table of its answers. */
  turnMarkdown: () => string;
  canCompare: boolean;
  onCompare: (turnIndex: number) => void;
  /** The turn as saved: its id for editing, and its branches. */
  turn?: ViewTurn;
  /** The prompt's images and text files. */
  attachments?: readonly ShownAttachment[];
}

export const TurnPrompt = memo(function TurnPrompt({ index, prompt, turnMarkdown, canCompare, onCompare, turn, attachments }: Props) {
  const course = useCourse();
  const [editing, setEditing] = useState(false);
  const promptId = turn?.id ?? null;
  return (
    <div role="group" aria-label={`Asked in turn ${index + 1}`} className="flex flex-wrap items-start gap-x-3 gap-y-1.5 rounded-xl bg-zinc-100 px-3.5 py-2.5 dark:bg-zinc-900">
      <h2 className="shrink-0 pt-px text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">Turn {index + 1}</h2>
      {editing && promptId ? (
        <PromptEditor index={index} promptId={promptId} prompt={prompt} onDone={() => setEditing(false)} />
      ) : (
        <p className="min-w-0 flex-1 basis-64 text-sm break-words whitespace-pre-wrap">
          <span className="sr-only">Prompt: </span>
          {prompt}
        </p>
      )}
      <div className="flex shrink-0 flex-wrap items-center gap-1.5">
        {promptId && <VersionSwitcher versions={turn?.versions} current={promptId} subject={`branch of turn ${index + 1}`} />}
        {course && promptId && !editing && (
          <button type="button" disabled={course.busy} onClick={() => setEditing(true)} aria-label={`Edit the prompt of turn ${index + 1}`} className={`${answerActionButton} disabled:opacity-50`}>
            Edit
          </button>
        )}
        <CopyButton text={turnMarkdown} label={`Copy turn ${index + 1} as a table`} caption="Copy turn" className={answerActionButton} icon={<CopyIcon className="size-3.5" />} />
        {canCompare && (
          <button type="button" onClick={() => onCompare(index)} aria-label={`Compare two answers of turn ${index + 1}`} className={answerActionButton}>
            <DiffIcon className="size-3.5" />
            Compare answers
          </button>
        )}
      </div>
      {attachments && <AttachmentThumbs attachments={attachments} />}
    </div>
  );
});
