"use client";
// Under a turn's answers: which history the next turn continues from, Fuse (a chosen model
// merges the answers into one), and the fused answer as its own row, which the conversation
// can continue from like any answer. A shared snapshot shows only the fused answer, read-only.
import { useId, useState } from "react";
import type { MessageDto, ModelOption } from "@/lib/chat/api-types";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import { isLiveAnswer } from "@/lib/chat/client/chat-view";
import type { LiveAnswer } from "@/lib/chat/client/live-types";
import type { TurnRow } from "@/lib/chat/client/turn-rows";
import { modelLabel, visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import { answerActionButton } from "./answer-card";
import { ContinueWithButton } from "./continue-with-button";
import { useCourse } from "./course-context";
import { StreamingMarkdown } from "./streaming-markdown";
import { VersionSwitcher } from "./version-switcher";

interface Props {
  index: number;
  row: TurnRow;
  /** Display names of the columns, in order. */
  names: string[];
  isLast: boolean;
  byId: ReadonlyMap<string, ModelOption>;
}

export function TurnCourse({ index, row, names, isLast, byId }: Props) {
  const course = useCourse();
  if (!course || !row.turn.id) return row.fusion ? <FusedAnswer index={index} fusion={row.fusion} byId={byId} /> : null;
  const promptId = row.turn.id;
  const shared = row.turn.sharedAnswerId ?? null;
  const sharedName = shared === null ? null : row.fusion && answerId(row.fusion) === shared ? "the fused answer" : nameOf(row, names, shared);
  const finished = row.answers.filter((a) => a && a.status !== "streaming" && toAnswerDisplay(a).text !== "");
  const canFuse = finished.length >= 2 && !course.busy;
  if (!isLast && shared === null && !row.fusion && !canFuse) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        <p role="status" aria-label={`History after turn ${index + 1}`}>
          {sharedName ? (
            <>
              Every column continues from <strong className="font-semibold text-zinc-800 dark:text-zinc-200">{sharedName}</strong>.
            </>
          ) : (
            "Each column continues with its own answers."
          )}
        </p>
        {shared && (
          <button type="button" disabled={course.busy} onClick={() => course.continueWith(promptId, null)} className={answerActionButton}>
            Keep each column&apos;s own history
          </button>
        )}
        {canFuse && <FuseControl index={index} turn={row.turn.turn} promptId={promptId} defaultModel={row.fusion?.modelId ?? null} />}
      </div>
      {row.fusion && <FusedAnswer index={index} fusion={row.fusion} byId={byId} course={{ promptId, active: shared !== null && shared === answerId(row.fusion) }} />}
    </div>
  );
}

const answerId = (a: MessageDto | LiveAnswer) => (isLiveAnswer(a) ? a.messageId : a.id);

function nameOf(row: TurnRow, names: string[], id: string): string {
  const column = row.answers.findIndex((a) => a && answerId(a) === id);
  return column >= 0 ? `${names[column]}'s answer` : "an earlier version of an answer";
}

function FuseControl({ index, turn, promptId, defaultModel }: { index: number; turn: number; promptId: string; defaultModel: string | null }) {
  const course = useCourse()!;
  const models = course.models.filter((m) => !m.preset);
  const [modelId, setModelId] = useState(defaultModel ?? models[0]?.id ?? "");
  const id = useId();
  if (models.length === 0) return null;
  return (
    <form
      className="flex items-center gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (modelId) course.fuse(turn, promptId, modelId);
      }}
    >
      <label htmlFor={id}>Fuse with</label>
      <select id={id} value={modelId} onChange={(e) => setModelId(e.target.value)} className="max-w-48 rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-950">
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {visibleName(m.name, m.simulated)}
          </option>
        ))}
      </select>
      <button type="submit" aria-label={`Fuse the answers of turn ${index + 1}`} className={answerActionButton}>
        Fuse answers
      </button>
    </form>
  );
}

interface FusedAnswerProps {
  index: number;
  fusion: MessageDto | LiveAnswer;
  byId: ReadonlyMap<string, ModelOption>;
  /** The owner's conversation: its versions, and "continue with" it. Absent in a shared snapshot. */
  course?: { promptId: string; active: boolean };
}

function FusedAnswer({ index, fusion, byId, course }: FusedAnswerProps) {
  const a = toAnswerDisplay(fusion);
  const modelId = isLiveAnswer(fusion) ? fusion.modelId : (fusion.modelId ?? "");
  const label = modelLabel(byId, modelId);
  const streaming = a.status === "streaming";
  return (
    <article aria-label={`Fused answer of turn ${index + 1}`} className="rounded-xl border border-indigo-200 bg-indigo-50/40 px-3.5 py-3 dark:border-indigo-900 dark:bg-indigo-950/20">
      <header className="mb-1.5 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Fused answer</h3>
        <span>by {visibleName(label.name, label.simulated)}</span>
        {a.stats && <span className="tabular-nums">· {formatUsd(a.stats.costPico)}</span>}
        {course && !isLiveAnswer(fusion) && <VersionSwitcher versions={fusion.versions} current={fusion.id} subject={`version of the fused answer of turn ${index + 1}`} />}
      </header>
      {a.text ? <StreamingMarkdown text={a.text} streaming={streaming} /> : streaming ? <p className="animate-pulse text-sm">Fusing the answers…</p> : null}
      {a.status === "error" && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          Error: {a.error ?? "the model failed to answer"}
        </p>
      )}
      {course && !streaming && a.text && !isLiveAnswer(fusion) && (
        <footer className="mt-2 flex justify-end border-t border-indigo-100 pt-2 dark:border-indigo-900">
          <ContinueWithButton promptId={course.promptId} answerId={fusion.id} active={course.active} subject={`the fused answer of turn ${index + 1}`} />
        </footer>
      )}
    </article>
  );
}
