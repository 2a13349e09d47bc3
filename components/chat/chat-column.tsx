"use client";
import { memo } from "react";
import type { ColumnSettings, MessageDto } from "@/lib/chat/api-types";
import type { LiveAnswer } from "@/lib/chat/client/live-types";
import type { ViewTurn } from "@/lib/chat/client/chat-view";
import { sumPico } from "@/lib/format/usd";
import { AnswerCard } from "./answer-card";
import { ColumnHeader } from "./column-header";
import { useStickToBottom } from "./use-stick-to-bottom";

interface Props {
  index: number;
  name: string;
  providerLabel: string;
  simulated: boolean;
  settings: ColumnSettings;
  turns: ViewTurn[];
  /** Aligned with `turns`. */
  answers: (MessageDto | LiveAnswer | undefined)[];
  canRegenerateLast: boolean;
  onStop: (messageId: string) => void;
  onRegenerate: (messageId: string) => void;
  onSettingsChange: (index: number, settings: ColumnSettings) => void;
  readOnly?: boolean;
}

function ChatColumnView({ index, name, providerLabel, simulated, settings, turns, answers, canRegenerateLast, onStop, onRegenerate, onSettingsChange, readOnly }: Props) {
  const busy = answers.some((a) => a?.status === "streaming");
  const cost = sumPico(answers.map((a) => a?.stats?.costPico));
  const last = answers[answers.length - 1];
  const lastLength = last ? ("messageId" in last ? last.text.length + last.reasoning.length : last.content.length) : 0;
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(`${answers.length}:${lastLength}:${last?.status}`);

  return (
    <section
      role="region"
      aria-label={`${name} answers`}
      aria-busy={busy}
      className="flex shrink-0 flex-col rounded-2xl border border-zinc-200 bg-zinc-50/60 md:h-full md:min-w-[22rem] md:flex-1 md:basis-0 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <ColumnHeader
        name={name}
        providerLabel={providerLabel}
        simulated={simulated}
        // A snapshot shared without stats has no cost to show (rather than a false $0).
        costPico={readOnly && !answers.some((a) => a?.stats) ? null : cost}
        busy={busy}
        settings={settings}
        onSettingsChange={(next) => onSettingsChange(index, next)}
        readOnly={readOnly}
      />
      <div ref={ref} onScroll={onScroll} className="flex-1 space-y-3 p-3 md:min-h-0 md:overflow-y-auto">
        {turns.length === 0 && <p className="py-6 text-center text-sm text-zinc-400">Ready. Answers will appear here.</p>}
        {turns.map((turn, i) => (
          <div key={turn.turn} className="space-y-2">
            <div className="ml-6 rounded-xl rounded-br-sm bg-zinc-200/70 px-3 py-2 text-sm whitespace-pre-wrap dark:bg-zinc-800">
              <span className="sr-only">Prompt: </span>
              {turn.prompt}
            </div>
            <AnswerCard
              answer={answers[i]}
              modelName={name}
              canRegenerate={canRegenerateLast && i === turns.length - 1}
              onStop={onStop}
              onRegenerate={onRegenerate}
            />
          </div>
        ))}
      </div>
    </section>
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Arrays arrive new every frame while any column streams; comparing their items lets a
 * finished column skip rendering entirely while its neighbours are still typing.
 */
export const ChatColumn = memo(ChatColumnView, (prev, next) => {
  for (const key of Object.keys(next) as (keyof Props)[]) {
    if (key === "answers" || key === "turns") continue;
    if (prev[key] !== next[key]) return false;
  }
  return sameItems(prev.answers, next.answers) && sameItems(prev.turns, next.turns);
});
