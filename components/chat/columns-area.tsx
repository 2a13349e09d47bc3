"use client";
import type { ColumnSettings, ModelOption } from "@/lib/chat/api-types";
import { answerKey, type ChatView } from "@/lib/chat/client/chat-view";
import { modelLabel } from "@/lib/chat/client/use-models";
import { ChatColumn } from "./chat-column";

interface Props {
  view: ChatView;
  byId: ReadonlyMap<string, ModelOption>;
  canRegenerate: boolean;
  onStop: (messageId: string) => void;
  onRegenerate: (messageId: string) => void;
  onSettingsChange: (index: number, settings: ColumnSettings) => void;
  /** A shared snapshot: no settings to change. */
  readOnly?: boolean;
}

/** Side by side (scrolling sideways when many) on wide screens; stacked on a phone. */
export function ColumnsArea({ view, byId, canRegenerate, onStop, onRegenerate, onSettingsChange, readOnly }: Props) {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-3 md:flex-row md:overflow-x-auto md:overflow-y-hidden">
      {view.columns.map((column) => {
        const label = modelLabel(byId, column.settings.modelId);
        return (
          <ChatColumn
            key={column.key}
            index={column.index}
            name={label.name}
            providerLabel={label.providerLabel}
            simulated={label.simulated}
            settings={column.settings}
            turns={view.turns}
            answers={view.turns.map((t) => view.answers.get(answerKey(column.key, t.turn)))}
            canRegenerateLast={canRegenerate && column.columnId !== null}
            onStop={onStop}
            onRegenerate={onRegenerate}
            onSettingsChange={onSettingsChange}
            readOnly={readOnly}
          />
        );
      })}
    </div>
  );
}
