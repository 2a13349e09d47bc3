import type { ModelOption } from "@/lib/chat/api-types";
import { formatPricePerMillion } from "@/lib/format/usd";
import { formatTokens } from "@/lib/format/tokens";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { visibleName } from "@/lib/chat/client/use-models";

/** One row of the model picker: who it is, where it runs, what it costs. */
export function ModelOptionContent({ model }: { model: ModelOption }) {
  return (
    <div className="flex min-w-0 flex-1 items-start justify-between gap-3">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="truncate font-medium">{visibleName(model.name, model.simulated)}</span>
          {model.simulated && <SimulatedBadge />}
          {model.free && <Badge tone="green">free</Badge>}
          {model.preset && <Badge tone="indigo">{model.preset.team ? "team preset" : "preset"}</Badge>}
        </div>
        <div className="truncate text-xs text-zinc-600 dark:text-zinc-400">
          {model.providerLabel}
          {model.contextLength ? ` · ${formatTokens(model.contextLength)} context` : ""}
        </div>
      </div>
      <div className="shrink-0 text-right text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        {model.free ? (
          <span>free</span>
        ) : (
          <>
            <span>
              {formatPricePerMillion(model.promptPricePerMillion)} in · {formatPricePerMillion(model.completionPricePerMillion)} out
            </span>
            <div className="text-[10px] text-zinc-600 dark:text-zinc-400">per 1M tokens</div>
          </>
        )}
      </div>
    </div>
  );
}
