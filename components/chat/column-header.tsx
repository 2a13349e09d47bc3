import type { ColumnSettings } from "@/lib/chat/api-types";
import { isBlindModelId } from "@/lib/chat/blind-labels";
import { visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import { SimulatedBadge } from "@/components/ui/badge";
import { MaximizeIcon, MinimizeIcon, StopIcon } from "@/components/ui/icons";
import { ColumnSettingsPopover } from "./column-settings-popover";
import { ColumnModelMenu } from "./column-model-menu";

interface Props {
  name: string;
  providerLabel: string;
  simulated: boolean;
  /** Null: not shown. */
  costPico: bigint | null;
  busy: boolean;
  settings: ColumnSettings;
  onSettingsChange: (settings: ColumnSettings) => void;
  readOnly?: boolean;
  focused?: boolean;
  /** Absent: the column cannot be focused (it is the only one, or a phone shows one anyway). */
  onFocusChange?: (focused: boolean) => void;
  /** Present while the column's answer streams: the header stays in view, so Stop does too. */
  onStop?: () => void;
  /** Where the column sits, for swapping or removing its model (running conversations). */
  position?: { index: number; count: number };
  /** No configured provider serves the model any more. */
  unavailable?: boolean;
  /** Per-column parameters the model does not take. */
  unsupported?: readonly string[];
}

export const headerIconButton = "rounded-md p-1.5 text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

export function ColumnHeader({ name, providerLabel, simulated, costPico: cost, busy, settings, onSettingsChange, readOnly, focused, onFocusChange, onStop, position, unavailable, unsupported }: Props) {
  // A blind comparison before its vote: no cost (it tells models apart), no settings to change, no swap.
  const blind = isBlindModelId(settings.modelId);
  const costPico = blind ? null : cost;
  return (
    <header className="flex items-start justify-between gap-1 rounded-xl border border-zinc-200 bg-zinc-50 py-2 pr-1.5 pl-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="min-w-0">
        <div className="flex items-center gap-1.5">
          {busy && <span aria-hidden="true" className="size-2 shrink-0 animate-pulse rounded-full bg-emerald-500" />}
          <h2 className="truncate text-sm font-semibold" title={name}>
            {visibleName(name, simulated)}
          </h2>
          {simulated && <SimulatedBadge />}
        </div>
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
          {providerLabel}
          {costPico !== null && (
            <>
              {" · "}
              <span className="tabular-nums" title="Total cost of this column">
                {formatUsd(costPico)}
              </span>
            </>
          )}
        </p>
        {unavailable && !readOnly && (
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
            <span className="font-medium text-amber-800 dark:text-amber-300">model unavailable</span>
            {position && <ColumnModelMenu index={position.index} columnCount={position.count} modelName={name} currentModelId={settings.modelId} caption="Swap model" label={`Swap the unavailable model ${name}`} tone="warning" />}
          </div>
        )}
      </div>
      <div className="flex shrink-0 items-center">
        {onStop && (
          <button type="button" onClick={onStop} aria-label={`Stop ${name}`} className="mr-1 inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50 dark:text-red-300 dark:ring-red-900 dark:hover:bg-red-950/40">
            <StopIcon className="size-3.5" />
            Stop
          </button>
        )}
        {onFocusChange && (
          <button
            type="button"
            onClick={() => onFocusChange(!focused)}
            aria-pressed={focused}
            aria-label={`Focus ${name}`}
            title={focused ? "Show all columns again" : "Show this column full width; the others collapse to their headers"}
            className={headerIconButton}
          >
            {focused ? <MinimizeIcon /> : <MaximizeIcon />}
          </button>
        )}
        {!readOnly && !blind && position && !unavailable && <ColumnModelMenu index={position.index} columnCount={position.count} modelName={name} currentModelId={settings.modelId} caption="Swap or remove this model" label={`Change the model of ${name}`} tone="icon" />}
        {!readOnly && !blind && <ColumnSettingsPopover modelName={name} settings={settings} disabled={busy} onChange={onSettingsChange} unsupported={unsupported} />}
      </div>
    </header>
  );
}
