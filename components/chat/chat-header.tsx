import { formatUsd } from "@/lib/format/usd";
import { ShareButton } from "@/components/share/share-button";

export function ChatHeader({ title, costPico, children }: { title: string; costPico: bigint; children?: React.ReactNode }) {
  return (
    <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="flex items-baseline justify-between gap-3">
        <h1 className="truncate text-base font-semibold tracking-tight">{title}</h1>
        <ShareButton />
        <p className="shrink-0 text-sm text-zinc-500 dark:text-zinc-400">
          Total <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{formatUsd(costPico)}</span>
        </p>
      </div>
      {children && <div className="mt-3">{children}</div>}
    </div>
  );
}
