"use client";
// One model's column of the comparison grid. It spans every row of the grid and shares its
// rows (CSS subgrid), so each turn's answer starts level with the other columns' answers
// while the column stays one region for screen readers and tests.
import { Fragment, memo } from "react";
import type { ColumnSettings, MessageDto } from "@/lib/chat/api-types";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import type { LiveAnswer } from "@/lib/chat/client/live-types";
import type { ViewTurn } from "@/lib/chat/client/chat-view";
import { gridRowCount, gridRowOf, type CellScore } from "@/lib/chat/client/turn-rows";
import { sumPico } from "@/lib/format/usd";
import { AnswerCard } from "./answer-card";
import { AnswerStats } from "./answer-stats";
import { ColumnHeader } from "./column-header";

interface Props {
  index: number;
  /** 1-based grid column it is drawn in (differs from index + 1 while one column is focused). */
  gridColumn: number;
  name: string;
  providerLabel: string;
  simulated: boolean;
  settings: ColumnSettings;
  turns: ViewTurn[];
  /** Aligned with `turns`. */
  answers: (MessageDto | LiveAnswer | undefined)[];
  scores: CellScore[];
  /** Changes exactly when `scores` does (they are rebuilt every frame while anything streams). */
  scoreKey: string;
  /** Each answer scrolls in its own box instead of the turn scrolling as one. */
  boxed: boolean;
  focused: boolean;
  canFocus: boolean;
  onFocusChange: (index: number | null) => void;
  canRegenerateLast: boolean;
  onStop: (messageId: string) => void;
  onRegenerate: (messageId: string) => void;
  onSettingsChange: (index: number, settings: ColumnSettings) => void;
  readOnly?: boolean;
  /** Columns of a saved conversation: how many (for swapping, removing); absent before it is saved. */
  columnCount?: number;
  unavailable?: boolean;
  unsupported?: readonly string[];
}

function ChatColumnView(props: Props) {
  const { index, gridColumn, name, providerLabel, simulated, settings, turns, answers, scores, boxed, focused, canFocus, onFocusChange, canRegenerateLast, onStop, onRegenerate, onSettingsChange, readOnly, columnCount, unavailable, unsupported } = props;
  const streaming = answers.find((a) => a?.status === "streaming");
  const busy = streaming !== undefined;
  // What this column cost here: imported answers made no call, so they add nothing.
  const cost = sumPico(answers.map((a) => a?.stats?.costPico));

  return (
    <section
      role="region"
      aria-label={`${name} answers`}
      aria-busy={busy}
      tabIndex={-1}
      data-column={index}
      className="grid grid-rows-subgrid scroll-ml-3 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40"
      style={{ gridColumn, gridRow: `1 / span ${gridRowCount(turns.length)}` }}
    >
      <div style={{ gridRow: 1 }} data-column-header className="sticky top-0 z-20 min-w-0 bg-white pt-3 pb-2 dark:bg-zinc-950">
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
          focused={focused}
          onFocusChange={canFocus ? (on) => onFocusChange(on ? index : null) : undefined}
          onStop={streaming && !readOnly ? () => onStop(toAnswerDisplay(streaming).messageId) : undefined}
          position={columnCount === undefined ? undefined : { index, count: columnCount }}
          unavailable={unavailable}
          unsupported={unsupported}
        />
      </div>
      {turns.length === 0 && (
        <p style={{ gridRow: 2 }} className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          Ready. Answers will appear here.
        </p>
      )}
      {turns.map((turn, i) => {
        const answer = answers[i];
        return (
          <Fragment key={turn.turn}>
            <div style={{ gridRow: gridRowOf(i, "answer") }} className={`min-w-0 ${boxed ? "max-h-[min(32rem,65dvh)] overflow-y-auto overscroll-contain rounded-xl" : ""}`}>
              <h3 className="sr-only">Turn {i + 1}</h3>
              <AnswerCard answer={answer} modelName={name} canRegenerate={canRegenerateLast && i === turns.length - 1} onRegenerate={onRegenerate} turn={turn} />
            </div>
            <div style={{ gridRow: gridRowOf(i, "score") }} className="min-w-0 px-1 pt-2 pb-1">
              {answer && <AnswerStats answer={toAnswerDisplay(answer)} score={scores[i]} modelName={name} />}
            </div>
          </Fragment>
        );
      })}
    </section>
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Arrays arrive new every frame while any column streams; comparing their items (and the
 * scorecards by key) lets a finished column skip rendering while its neighbours still type.
 */
export const ChatColumn = memo(ChatColumnView, (prev, next) => {
  for (const key of Object.keys(next) as (keyof Props)[]) {
    if (key === "answers" || key === "turns" || key === "scores") continue;
    if (prev[key] !== next[key]) return false;
  }
  return sameItems(prev.answers, next.answers) && sameItems(prev.turns, next.turns);
});
