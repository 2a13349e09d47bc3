"use client";
// The comparison on a phone: one model at a time per turn, with tabs between the models
// and every model's figures in a compact strip, instead of columns stacked end to end.
import { useState } from "react";
import type { ModelOption } from "@/lib/chat/api-types";
import { toAnswerDisplay } from "@/lib/chat/client/answer-display";
import { modelLabel, visibleName } from "@/lib/chat/client/use-models";
import { sumPico } from "@/lib/format/usd";
import { AnswerCard } from "./answer-card";
import { AnswerStats } from "./answer-stats";
import { ColumnHeader } from "./column-header";
import type { ComparisonProps } from "./comparison-grid";
import { PhoneStatsStrip } from "./phone-stats-strip";
import { TurnCourse } from "./turn-course";
import { isBlindModelId } from "@/lib/chat/blind-labels";
import { TurnPrompt } from "./turn-prompt";
import { TURN_START_ATTR, useLatestTurnInView } from "./use-latest-turn-in-view";

export function PhoneComparison({ view, rows, byId, canRegenerate, onStop, onRegenerate, onSettingsChange, turnMarkdown, onCompare, readOnly, turnExtra }: ComparisonProps) {
  const ref = useLatestTurnInView<HTMLDivElement>(rows.length);
  const labels = view.columns.map((c) => modelLabel(byId, c.settings.modelId, c.saved?.label));
  const header = (index: number) => {
    const column = view.columns[index];
    const label = labels[index];
    const answers = rows.map((r) => r.answers[index]);
    const streaming = answers.find((a) => a?.status === "streaming");
    return (
      <ColumnHeader
        name={label.name}
        providerLabel={label.providerLabel}
        simulated={label.simulated}
        costPico={readOnly && !answers.some((a) => a?.stats) ? null : sumPico(answers.map((a) => a?.stats?.costPico))}
        busy={streaming !== undefined}
        onStop={streaming && !readOnly ? () => onStop(toAnswerDisplay(streaming).messageId) : undefined}
        settings={column.settings}
        onSettingsChange={(next) => onSettingsChange(index, next)}
        readOnly={readOnly}
        position={column.columnId === null ? undefined : { index, count: view.columns.length }}
        unavailable={column.saved?.available === false && column.saved.modelId === column.settings.modelId}
        unsupported={byId.get(column.settings.modelId)?.unsupportedParameters}
      />
    );
  };

  return (
    <div ref={ref} className="relative min-h-0 flex-1 space-y-5 overflow-y-auto overscroll-contain px-3 py-3">
      {rows.length === 0 && (
        <ul aria-label="Models in this comparison" className="space-y-2">
          {view.columns.map((c) => (
            <li key={c.key}>{header(c.index)}</li>
          ))}
        </ul>
      )}
      {rows.map((row, i) => (
        <div key={row.turn.turn} className="space-y-3">
        <PhoneTurn
          index={i}
          prompt={row.turn.prompt}
          names={labels.map((l) => visibleName(l.name, l.simulated))}
          fullNames={labels.map((l) => l.name)}
          row={row}
          header={header}
          canRegenerate={canRegenerate && i === rows.length - 1}
          onRegenerate={onRegenerate}
          turnMarkdown={() => turnMarkdown(i)}
          onCompare={onCompare}
          isLast={i === rows.length - 1}
          blind={view.columns.some((c) => isBlindModelId(c.settings.modelId))}
          byId={byId}
        />
        {turnExtra?.(i, view.columns.map((c) => ({ index: c.index, name: visibleName(labels[c.index].name, labels[c.index].simulated) })))}
        </div>
      ))}
    </div>
  );
}

interface TurnProps {
  index: number;
  prompt: string;
  names: string[];
  fullNames: string[];
  /** A blind comparison before its vote: no fuse or continue-with controls. */
  blind: boolean;
  row: ComparisonProps["rows"][number];
  header: (index: number) => React.ReactNode;
  canRegenerate: boolean;
  onRegenerate: (messageId: string) => void;
  turnMarkdown: () => string;
  onCompare: (turnIndex: number) => void;
  isLast: boolean;
  byId: ComparisonProps["byId"];
}

function PhoneTurn({ index, prompt, names, fullNames, row, header, canRegenerate, onRegenerate, turnMarkdown, onCompare, isLast, blind, byId }: TurnProps) {
  const [selected, setSelected] = useState(0);
  const tabId = (i: number) => `turn-${index}-tab-${i}`;
  const panelId = `turn-${index}-panel`;
  const answer = row.answers[selected];
  const select = (i: number) => {
    setSelected(i);
    document.getElementById(tabId(i))?.focus();
  };
  return (
    <section aria-label={`Turn ${index + 1}`} {...{ [TURN_START_ATTR]: index }} className="space-y-2">
      <TurnPrompt
        index={index}
        prompt={prompt}
        attachments={row.turn.attachments}
        turnMarkdown={turnMarkdown}
        canCompare={row.answers.filter((a) => a && toAnswerDisplay(a).text !== "").length >= 2}
        onCompare={onCompare}
        turn={row.turn}
      />
      <div
        role="tablist"
        aria-label={`Answers to turn ${index + 1}`}
        className="flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
        onKeyDown={(e) => {
          if (e.key === "ArrowRight") select((selected + 1) % names.length);
          else if (e.key === "ArrowLeft") select((selected - 1 + names.length) % names.length);
          else return;
          e.preventDefault();
        }}
      >
        {names.map((name, i) => (
          <button
            key={i}
            id={tabId(i)}
            type="button"
            role="tab"
            aria-selected={i === selected}
            aria-controls={panelId}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => setSelected(i)}
            className={`-mb-px shrink-0 border-b-2 px-2.5 py-1.5 text-sm ${i === selected ? "border-zinc-900 font-semibold text-zinc-900 dark:border-zinc-100 dark:text-zinc-50" : "border-transparent text-zinc-600 dark:text-zinc-400"}`}
          >
            {name}
            {row.answers[i]?.status === "streaming" && <span aria-hidden="true" className="ml-1.5 inline-block size-1.5 animate-pulse rounded-full bg-emerald-500 align-middle" />}
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(selected)} className="space-y-2">
        {header(selected)}
        <AnswerCard answer={answer} modelName={fullNames[selected]} canRegenerate={canRegenerate} onRegenerate={onRegenerate} turn={row.turn} />
        {answer && <AnswerStats answer={toAnswerDisplay(answer)} score={{ figures: row.score.figures[selected], marks: row.score.marks[selected] }} modelName={fullNames[selected]} />}
      </div>
      <PhoneStatsStrip names={names} row={row} selected={selected} onSelect={setSelected} />
      {!blind && <TurnCourse index={index} row={row} names={names} isLast={isLast} byId={byId} />}
    </section>
  );
}
