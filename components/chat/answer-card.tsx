"use client";
import { memo } from "react";
import type { MessageDto } from "@/lib/chat/api-types";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import type { LiveAnswer } from "@/lib/chat/client/live-types";
import { CopyButton } from "@/components/ui/copy-button";
import { CopyIcon, RefreshIcon } from "@/components/ui/icons";
import { isLiveAnswer, type ViewTurn } from "@/lib/chat/client/chat-view";
import { ContinueWithButton } from "./continue-with-button";
import { StreamingMarkdown } from "./streaming-markdown";
import { VersionSwitcher } from "./version-switcher";
import { ToolTrace } from "./tool-trace";
import { answerActionButton } from "./styles";

export { answerActionButton } from "./styles";

interface Props {
  answer: MessageDto | LiveAnswer | undefined;
  modelName: string;
  canRegenerate: boolean;
  onRegenerate: (messageId: string) => void;
  /** The turn it answers: for its versions and "Continue with this answer". */
  turn?: ViewTurn;
}

/** One model's answer to one turn. Memoised: a finished answer never re-renders while others stream. */
/** Its Stop button sits in the column header, which stays put while the answer grows. */
export const AnswerCard = memo(function AnswerCard({ answer, modelName, canRegenerate, onRegenerate, turn }: Props) {
  if (!answer) {
    return <p className="rounded-xl border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No answer for this turn.</p>;
  }
  const a = toAnswerDisplay(answer);
  const streaming = a.status === "streaming";
  const copyable = a.text !== "" && !streaming;
  const saved = !isLiveAnswer(answer) ? answer : null;
  const versions = saved?.versions;
  const canContinue = saved !== null && turn?.id != null && copyable;
  return (
    <article aria-label={`${modelName} answer`} className="min-w-0 rounded-xl border border-zinc-200 bg-white px-3.5 py-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60">
      {a.reasoning && (
        <details className="group mb-2 rounded-lg bg-zinc-50 px-2.5 py-1.5 text-xs dark:bg-zinc-800/50">
          <summary className="cursor-pointer font-medium text-zinc-600 select-none dark:text-zinc-400">
            Reasoning
            {streaming && !a.text && <span className="ml-1 animate-pulse font-normal"> · thinking…</span>}
          </summary>
          <div className="mt-1.5 max-h-64 overflow-y-auto whitespace-pre-wrap text-zinc-700 dark:text-zinc-400">{a.reasoning}</div>
        </details>
      )}
      <ToolTrace trace={a.toolTrace} />
      {a.text ? (
        <StreamingMarkdown text={a.text} streaming={streaming} />
      ) : streaming ? (
        <p className="animate-pulse text-sm text-zinc-600 dark:text-zinc-400">{a.reasoning ? "Thinking…" : a.toolTrace.length ? "Using tools…" : "Waiting for the first token…"}</p>
      ) : a.status === "done" ? (
        <p className="text-sm text-zinc-600 italic dark:text-zinc-400">The model returned an empty answer.</p>
      ) : null}
      {a.status === "error" && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-2.5 py-1.5 text-sm text-red-700 ring-1 ring-red-200 dark:bg-red-950/40 dark:text-red-300 dark:ring-red-900">
          Error: {a.error ?? "the model failed to answer"}
        </p>
      )}
      {(copyable || (canRegenerate && !streaming) || versions) && (
      <footer className="mt-2.5 flex flex-wrap items-center justify-end gap-1.5 border-t border-zinc-100 pt-2 dark:border-zinc-800">
        {saved && <span className="mr-auto"><VersionSwitcher versions={versions} current={saved.id} subject={`version of ${modelName} answer`} /></span>}
        {canContinue && <ContinueWithButton promptId={turn!.id!} answerId={saved.id} active={turn!.sharedAnswerId === saved.id} subject={`${modelName} answer`} />}
        {copyable && <CopyButton text={a.text} label={`Copy ${modelName} answer`} className={answerActionButton} icon={<CopyIcon className="size-3.5" />} />}
        {!streaming && canRegenerate && (
          <button type="button" onClick={() => onRegenerate(a.messageId)} aria-label={`Regenerate ${modelName}`} className={answerActionButton}>
            <RefreshIcon className="size-3.5" />
            Regenerate
          </button>
        )}
      </footer>
      )}
    </article>
  );
});
