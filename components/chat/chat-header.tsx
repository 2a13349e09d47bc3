import { formatUsd } from "@/lib/format/usd";
import { ShareButton } from "@/components/share/share-button";
import { ExportMenu } from "./export-menu";

/** `costPico` null: a blind comparison before its vote (the total would tell its models apart). */
export function ChatHeader({ title, costPico, conversationId, actions, children }: { title: string; costPico: bigint | null; conversationId: string | null; actions?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5">
        {/* Titles are stored whole; only the display is cut, with the full title on hover. */}
        <h1 className="min-w-0 flex-1 basis-full truncate text-base font-semibold tracking-tight sm:basis-0" title={title}>
          {title}
        </h1>
        {actions}
        {conversationId && costPico !== null && <ExportMenu conversationId={conversationId} />}
        <ShareButton />
        <p className="ml-auto shrink-0 text-sm text-zinc-600 sm:ml-0 dark:text-zinc-400">
          Total <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{costPico === null ? "hidden until the reveal" : formatUsd(costPico)}</span>
        </p>
      </div>
      {children && <div className="mt-3">{children}</div>}
    </div>
  );
}
