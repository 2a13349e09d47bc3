"use client";
// The comparison on a wide screen: one grid, one column per model, one row per part of each
// turn (prompt once across all columns, then the answers, then their scorecards), so turn
// 2 of every model sits side by side. Columns share the width down to a readable minimum,
// then the grid scrolls sideways, with a pager and edge shadows saying there is more.
import { useEffect, useRef, useState } from "react";
import type { ColumnSettings, ModelOption } from "@/lib/chat/api-types";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import type { ChatView } from "@/lib/chat/client/chat-view";
import { columnScores, gridRowOf, type TurnRow } from "@/lib/chat/client/turn-rows";
import { modelLabel, visibleName } from "@/lib/chat/client/use-models";
import { TurnCourse } from "./turn-course";
import { isBlindModelId } from "@/lib/chat/blind-labels";
import { useStoredFlag } from "@/components/ui/use-stored-flag";
import { useShortcut } from "@/components/layout/shortcuts";
import { ChatColumn } from "./chat-column";
import { GridToolbar } from "./grid-toolbar";
import { TurnPrompt } from "./turn-prompt";
import { useColumnPager } from "./use-column-pager";
import { TURN_START_ATTR, useLatestTurnInView } from "./use-latest-turn-in-view";

export interface ComparisonProps {
  view: ChatView;
  rows: TurnRow[];
  byId: ReadonlyMap<string, ModelOption>;
  canRegenerate: boolean;
  onStop: (messageId: string) => void;
  onRegenerate: (messageId: string) => void;
  onSettingsChange: (index: number, settings: ColumnSettings) => void;
  turnMarkdown: (turnIndex: number) => string;
  onCompare: (turnIndex: number) => void;
  /** A shared snapshot: no settings to change. */
  readOnly?: boolean;
  /** What goes in a turn's turn-wide row under its scorecards (the vote bar), given each shown column's place. */
  turnExtra?: (rowIndex: number, cells: { index: number; gridColumn?: number; name: string }[]) => React.ReactNode;
}

const COLUMN_MIN = "17.5rem";
const GAP = "0.75rem";

export function ComparisonGrid({ view, rows, byId, canRegenerate, onStop, onRegenerate, onSettingsChange, turnMarkdown, onCompare, readOnly, turnExtra }: ComparisonProps) {
  // The sticky column headers cover the top of the view: a turn starts just below them.
  const scrollerRef = useLatestTurnInView<HTMLDivElement>(view.turns.length, (scroller) => scroller.querySelector<HTMLElement>("[data-column-header]")?.offsetHeight ?? 0);
  const [focused, setFocused] = useState<number | null>(null);
  const [together, setTogether] = useStoredFlag("switchyard-scroll-together", true);
  const columns = focused === null ? view.columns : view.columns.filter((c) => c.index === focused);
  const pager = useColumnPager(scrollerRef, columns.length);
  const viewWidth = useViewWidth(scrollerRef);
  const visibleCount = columns.length;

  // A focused column that no longer exists (a new comparison with fewer models) lets go.
  useEffect(() => {
    if (focused !== null && focused >= view.columns.length) setFocused(null);
  }, [focused, view.columns.length]);

  useShortcut("next-column", () => pager.go(1, true));
  useShortcut("previous-column", () => pager.go(-1, true));
  // A blind comparison before its vote: no fuse or continue-with row (its model menu would list names).
  const blind = view.columns.some((c) => isBlindModelId(c.settings.modelId));
  const names = view.columns.map((c) => {
    const label = modelLabel(byId, c.settings.modelId, c.saved?.label);
    return visibleName(label.name, label.simulated);
  });


  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <GridToolbar
        view={view}
        byId={byId}
        focused={focused}
        onFocusChange={setFocused}
        together={together}
        onTogetherChange={setTogether}
        pager={pager}
        visibleCount={visibleCount}
      />
      <div className="relative min-h-0 flex-1">
        <div
          ref={scrollerRef}
          onScroll={pager.measure}
          tabIndex={0}
          aria-label="Answers side by side"
          role="group"
          className="comparison-scroller relative h-full overflow-auto overscroll-contain px-3 pb-4 outline-none"
          style={{ "--view-w": viewWidth ? `${viewWidth}px` : "100%" } as React.CSSProperties}
        >
          <div
            className="relative grid gap-x-3"
            style={{
              gridTemplateColumns: `repeat(${visibleCount}, minmax(${COLUMN_MIN}, 1fr))`,
              minWidth: `calc(${visibleCount} * ${COLUMN_MIN} + ${visibleCount - 1} * ${GAP})`,
            }}
          >
            {/* Behind the sticky headers (z-20), across the gaps between them: answers and the per-turn rows (z-10) scroll under it. */}
            <div aria-hidden className="sticky top-0 z-[15] bg-white dark:bg-zinc-950" style={{ gridColumn: "1 / -1", gridRow: 1 }} />
            {columns.map((column, gridIndex) => {
              const label = modelLabel(byId, column.settings.modelId, column.saved?.label);
              const { scores, key } = columnScores(rows, column.index);
              return (
                <ChatColumn
                  key={column.key}
                  index={column.index}
                  gridColumn={gridIndex + 1}
                  name={label.name}
                  providerLabel={label.providerLabel}
                  simulated={label.simulated}
                  settings={column.settings}
                  turns={view.turns}
                  answers={rows.map((r) => r.answers[column.index])}
                  scores={scores}
                  scoreKey={key}
                  boxed={!together}
                  focused={focused === column.index}
                  canFocus={view.columns.length > 1}
                  onFocusChange={setFocused}
                  canRegenerateLast={canRegenerate && column.columnId !== null}
                  onStop={onStop}
                  onRegenerate={onRegenerate}
                  onSettingsChange={onSettingsChange}
                  readOnly={readOnly}
                  columnCount={column.columnId === null ? undefined : view.columns.length}
                  unavailable={column.saved?.available === false && column.saved.modelId === column.settings.modelId}
                  unsupported={byId.get(column.settings.modelId)?.unsupportedParameters}
                />
              );
            })}
            {rows.map((row, i) => (
              <div key={row.turn.turn} {...{ [TURN_START_ATTR]: i }} className="z-10 min-w-0 pt-4 pb-2" style={{ gridColumn: "1 / -1", gridRow: gridRowOf(i, "prompt") }}>
                {/* Sticks to the left edge: the prompt stays readable however far the row is scrolled. */}
                <div className="sticky left-0" style={{ width: "min(100%, var(--view-w))" }}>
                  <TurnPrompt
                    index={i}
                    prompt={row.turn.prompt}
                    attachments={row.turn.attachments}
                    turnMarkdown={() => turnMarkdown(i)}
                    canCompare={row.answers.filter((a) => a && toAnswerDisplay(a).text !== "").length >= 2}
                    onCompare={onCompare}
                    turn={row.turn}
                  />
                </div>
              </div>
            ))}
            {rows.map((row, i) => {
              const cells = columns.map((c, g) => {
                const label = modelLabel(byId, c.settings.modelId);
                return { index: c.index, gridColumn: g + 1, name: visibleName(label.name, label.simulated) };
              });
              const extra = turnExtra?.(i, cells);
              // One row under each turn: the vote bar (aligned to the columns) and the turn's course (fuse, continue with).
              return (
                <div key={`extra-${row.turn.turn}`} className="z-10 grid min-w-0 pb-2" style={{ gridColumn: "1 / -1", gridRow: gridRowOf(i, "extra"), gridTemplateColumns: "subgrid" }}>
                  {extra}
                  {!blind && (
                    <div className="sticky left-0 min-w-0" style={{ gridColumn: "1 / -1", width: "min(100%, var(--view-w))" }}>
                      <TurnCourse index={i} row={row} names={names} isLast={i === rows.length - 1} byId={byId} />
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <EdgeShadow side="left" show={pager.canLeft} />
        <EdgeShadow side="right" show={pager.canRight} />
      </div>
    </div>
  );
}

function EdgeShadow({ side, show }: { side: "left" | "right"; show: boolean }) {
  if (!show) return null;
  return (
    <div
      aria-hidden="true"
      className={`pointer-events-none absolute inset-y-0 w-8 from-zinc-950/12 to-transparent dark:from-black/60 ${side === "left" ? "left-0 bg-gradient-to-r" : "right-0 bg-gradient-to-l"}`}
    />
  );
}

/** The scroller's inner width, so a turn's prompt can stay as wide as the view, not the grid. */
function useViewWidth(ref: React.RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  const last = useRef<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const style = getComputedStyle(el);
      const next = Math.floor(el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
      if (next !== last.current) setWidth((last.current = next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
