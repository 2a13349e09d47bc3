import type { ColumnSettings } from "@/lib/chat/api-types";
import { visibleName } from "@/lib/chat/client/use-models";
import { formatUsd } from "@/lib/format/usd";
import { SimulatedBadge } from "@/components/ui/badge";
import { ColumnSettingsPopover } from "./column-settings-popover";

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
}

export function ColumnHeader({ name, providerLabel, simulated, costPico, busy, settings, onSettingsChange, readOnly }: Props) {
  return (
    <header className="flex items-start justify-between gap-2 border-b border-zinc-200 px-3.5 py-2.5 dark:border-zinc-800">
      <div className="min-w-0">
        <div className="flex items-center gap-1.5">
          {busy && <span aria-hidden="true" className="size-2 shrink-0 animate-pulse rounded-full bg-emerald-500" />}
          <h2 className="truncate text-sm font-semibold" title={name}>
            {visibleName(name, simulated)}
          </h2>
          {simulated && <SimulatedBadge />}
        </div>
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
          {providerLabel}
          {costPico !== null && (
            <>
              {" · "}
              <span className="tabular-nums" title="Total cost of this column">{formatUsd(costPico)}</span>
            </>
          )}
        </p>
      </div>
      {!readOnly && <ColumnSettingsPopover modelName={name} settings={settings} disabled={busy} onChange={onSettingsChange} />}
    </header>
  );
}
