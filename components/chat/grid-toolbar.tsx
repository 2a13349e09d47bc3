"use client";
// Above the grid: keep columns scrolling together or not, page through columns that do not
// fit, and — while one column is focused — the others, collapsed to their headers.
import { isBlindModelId } from "@/lib/chat/blind-labels";
import type { ModelOption } from "@/lib/chat/api-types";
import type { ChatView } from "@/lib/chat/client/chat-view";
import { modelLabel, visibleName } from "@/lib/chat/client/use-models";
import { ChevronLeftIcon, ChevronRightIcon, MinimizeIcon } from "@/components/ui/icons";
import type { ColumnPager } from "./use-column-pager";
import { MAX_MODELS } from "@/lib/chat/client/limits";
import { ColumnModelMenu } from "./column-model-menu";

interface Props {
  view: ChatView;
  byId: ReadonlyMap<string, ModelOption>;
  focused: number | null;
  onFocusChange: (index: number | null) => void;
  together: boolean;
  onTogetherChange: (together: boolean) => void;
  pager: ColumnPager;
  visibleCount: number;
}

const toolButton =
  "inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-40 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800";

const primaryToolButton =
  "inline-flex items-center gap-1 rounded-md bg-zinc-900 px-2 py-1 text-xs font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white";

export function GridToolbar({ view, byId, focused, onFocusChange, together, onTogetherChange, pager, visibleCount }: Props) {
  const overflowing = pager.canLeft || pager.canRight;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 border-b border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
      <label className="inline-flex items-center gap-2 text-xs text-zinc-700 dark:text-zinc-300" title="On: each turn scrolls as one, answers side by side. Off: each answer scrolls in its own box.">
        <input type="checkbox" role="switch" checked={together} onChange={(e) => onTogetherChange(e.target.checked)} className="size-3.5 accent-zinc-900 dark:accent-zinc-100" />
        Scroll together
      </label>
      {focused !== null && (
        <div role="group" aria-label="Collapsed columns" className="flex min-w-0 flex-wrap items-center gap-1.5">
          {view.columns
            .filter((c) => c.index !== focused)
            .map((c) => {
              const label = modelLabel(byId, c.settings.modelId, c.saved?.label);
              return (
                <button key={c.key} type="button" onClick={() => onFocusChange(c.index)} aria-label={`Focus ${label.name}`} className={toolButton} title={`Focus ${label.name} instead`}>
                  <span className="max-w-40 truncate">{visibleName(label.name, label.simulated)}</span>
                </button>
              );
            })}
          <button type="button" onClick={() => onFocusChange(null)} className={primaryToolButton}>
            <MinimizeIcon className="size-3.5" />
            Show all columns
          </button>
        </div>
      )}
      {view.columns[0]?.columnId && view.columns.length < MAX_MODELS && !view.columns.some((c) => isBlindModelId(c.settings.modelId)) && (
        <ColumnModelMenu index={view.columns.length} columnCount={view.columns.length} modelName="" caption="Add model" label="Add a model column" />
      )}
      {overflowing && (
        <div className="ml-auto flex items-center gap-1.5">
          <p className="text-xs text-zinc-700 tabular-nums dark:text-zinc-300" aria-live="polite">
            Columns {pager.first + 1}–{pager.last + 1} of {visibleCount}
          </p>
          <button type="button" onClick={() => pager.go(-1, false)} disabled={!pager.canLeft} aria-label="Previous column" title="Previous column ([)" className={toolButton}>
            <ChevronLeftIcon className="size-3.5" />
          </button>
          <button type="button" onClick={() => pager.go(1, false)} disabled={!pager.canRight} aria-label="Next column" title="Next column (])" className={toolButton}>
            <ChevronRightIcon className="size-3.5" />
          </button>
        </div>
      )}
    </div>
  );
}
